using Forewarn.Stix.Patterns;

namespace Forewarn.Stix.Tests.Patterns;

public sealed class PatternTests
{
    private static List<string> Patterns(string text) => [.. ObservableExtraction.From(text).Select(StixPattern.For)];

    [Fact]
    public void Hashes_by_length_lower_cased()
    {
        var sha256 = new string('A', 64);
        Assert.Equal(
            [$"[file:hashes.'SHA-256' = '{new string('a', 64)}']", $"[file:hashes.'SHA-1' = '{new string('b', 40)}']", $"[file:hashes.MD5 = '{new string('c', 32)}']"],
            Patterns($"sample {sha256}\n{new string('b', 40)}\nmd5: {new string('c', 32)}"));
        Assert.Empty(Patterns(new string('d', 50)));
    }

    [Fact]
    public void Ip_addresses_but_not_version_numbers()
    {
        Assert.Equal(["[ipv4-addr:value = '203.0.113.45']", "[ipv4-addr:value = '198.51.100.0/24']", "[ipv6-addr:value = '2001:db8::1']"],
            Patterns("scanner 203.0.113.45.\nrange 198.51.100.0/24\nv6 2001:db8::1"));
        Assert.Empty(Patterns("version 1.2.3.4.5 at 12:30:45, build 999.1.1.1"));
    }

    [Fact]
    public void Urls_and_domains_refanged_and_file_names_only_when_named()
    {
        Assert.Equal(["[url:value = 'http://evil.example.net/a?b=1']", "[domain-name:value = 'c2.example.org']", "[file:name = 'spinstall0.aspx']"],
            Patterns("hxxp://evil[.]example[.]net/a?b=1\nbeacons to c2.example.org\nfile-name,spinstall0.aspx,web shell"));
        // Prose mentions of programs are not indicators, and file extensions are not top-level domains.
        Assert.Empty(Patterns("w3wp.exe spawning cmd.exe or ToolPane.aspx, e.g. with ASP.NET"));
    }

    [Fact]
    public void Quotes_and_backslashes_are_escaped_in_string_literals()
    {
        Assert.Equal(@"'it\'s C:\\Temp'", StixPattern.Literal(@"it's C:\Temp"));
        Assert.Equal(@"[file:name = 'version.dll' AND file:parent_directory_ref.path = '%ProgramData%\\Halcyon\\Sync\\UpdateCache']",
            Assert.Single(Patterns(@"file-path,%ProgramData%\Halcyon\Sync\UpdateCache\version.dll,planted")));
        Assert.Equal(@"[file:name = 'o\'brien.exe']", Assert.Single(Patterns("filename: o'brien.exe")));
    }

    [Fact]
    public void Yara_text_is_one_rule_named_by_its_rules()
    {
        var (rules, rest) = SignatureRules.Find("import \"pe\"\nrule WebShell_Spinstall : webshell {\n strings: $a = \"x\"\n condition: $a\n}");
        var rule = Assert.Single(rules);
        Assert.Equal("yara", rule.PatternType);
        Assert.Equal("YARA WebShell_Spinstall", rule.Name);
        Assert.StartsWith("import", rule.Pattern, StringComparison.Ordinal);
        Assert.Equal("", rest);
    }

    [Fact]
    public void Sigma_needs_title_and_detection()
    {
        var sigma = "title: Suspicious w3wp child\nlogsource:\n  category: process_creation\ndetection:\n  selection:\n    ParentImage|endswith: w3wp.exe\n  condition: selection";
        var rule = Assert.Single(SignatureRules.Find(sigma).Rules);
        Assert.Equal(("sigma", "Suspicious w3wp child"), (rule.PatternType, rule.Name));
        Assert.Empty(SignatureRules.Find("title: just a heading\nsome text").Rules);
    }

    [Fact]
    public void Snort_and_suricata_rules_are_cut_out_of_the_prose()
    {
        var (rules, rest) = SignatureRules.Find("Block this:\nalert tcp any any -> any 445 (msg:\"SMB probe\"; sid:1;)\nand 198.51.100.7");
        var rule = Assert.Single(rules);
        Assert.Equal(("snort", "SMB probe"), (rule.PatternType, rule.Name));
        Assert.DoesNotContain("alert", rest, StringComparison.Ordinal);
        Assert.Contains("198.51.100.7", rest, StringComparison.Ordinal);
        Assert.Equal("suricata", SignatureRules.Find("alert http any any -> any any (msg:\"x\"; sid:2;)").Rules.Single().PatternType);
    }
}
