using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Text;
using Forewarn.Tracing;
using Microsoft.Extensions.Caching.Memory;

namespace Forewarn.Server.Tracing;

/// <summary>How an artifact is fingerprinted: prose marks, code marks in a language, or not at all.</summary>
public enum MarkingMethod
{
    None,
    Text,
    Python,
    CSharp,
}

/// <summary>An artifact prepared for fingerprinting: its marks and its code.</summary>
public sealed record PreparedArtifact(ArtifactId ArtifactId, string Sha256, MarkingMethod Method, IMarkedArtifact Marks, TardosCode Code)
{
    public int Sites => Marks.Sites.Count;
}

/// <summary>
/// Prepares artifacts for fingerprinting and renders each recipient's own copy. Which artifacts
/// carry marks: descriptions, detection guidance and mitigation notes in text (prose marks), and
/// PoCs in Python or C# (code marks). Notices, indicators and rule files (YARA, Snort, Sigma…) are
/// served as they are (an indicator or a rule must stay exact). A preparation is kept per artifact and content hash; rendered copies are kept
/// in a bounded cache, because every code copy is compiled or parsed before it is issued.
/// </summary>
public sealed class ArtifactMarking(ProgramTracingSecret secret)
{
    // Keyed by content and marker version: an artifact's copies depend on both.
    private readonly ConcurrentDictionary<(ArtifactId, string, int), Lazy<Task<PreparedArtifact>>> prepared = new();
    private readonly MemoryCache copies = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    /// <summary>The recipient's name in the code: the partner id, so that copies never depend on a renamable name.</summary>
    public static string RecipientKey(PartnerId partner) => partner.Value.ToString("D");

    /// <summary>The artifact's name in the code.</summary>
    public static string ArtifactKey(ArtifactId artifact) => artifact.Value.ToString("D");

    /// <summary>The method an artifact is marked with, from its class, media type and file name.</summary>
    public static MarkingMethod MethodFor(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var media = artifact.MediaType.ToLowerInvariant();
        var extension = Path.GetExtension(artifact.FileName ?? "").ToLowerInvariant();
        return artifact.Class switch
        {
            ContentClass.Description or ContentClass.Detection or ContentClass.Mitigation
                when media.StartsWith("text/", StringComparison.Ordinal) && !IsRuleFile(artifact) => MarkingMethod.Text,
            ContentClass.Poc when extension == ".py" || media.Contains("python", StringComparison.Ordinal) => MarkingMethod.Python,
            ContentClass.Poc when extension == ".cs" || media.Contains("csharp", StringComparison.Ordinal) => MarkingMethod.CSharp,
            _ => MarkingMethod.None,
        };
    }

    /// <summary>
    /// Detection rules in a rule language (YARA, Snort/Suricata, Sigma) or a structured text format:
    /// a rule must work exactly as written, so it is served as it is.
    /// </summary>
    public static bool IsRuleFile(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var extension = Path.GetExtension(artifact.FileName ?? "").ToLowerInvariant();
        var media = artifact.MediaType.ToLowerInvariant();
        return extension is ".yar" or ".yara" or ".rules" or ".rule" or ".snort" or ".sigma" or ".yml" or ".yaml" or ".json" or ".xml" or ".csv"
            || media.StartsWith("text/csv", StringComparison.Ordinal) || media.StartsWith("text/xml", StringComparison.Ordinal);
    }

    /// <summary>
    /// The artifact prepared for fingerprinting, or null when it is not marked. Throws a
    /// <see cref="DomainException"/> (<see cref="CodeMarkException"/>) when a PoC cannot be marked
    /// because it does not compile or parse, or its templates break it.
    /// </summary>
    public async Task<PreparedArtifact?> PrepareAsync(Artifact artifact, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var method = MethodFor(artifact);
        if (method == MarkingMethod.None) return null;
        var key = await secret.GetAsync(ct);
        var lazy = prepared.GetOrAdd((artifact.Id, artifact.Sha256, artifact.MarkerVersion), _ => new(() => Task.Run(() => Prepare(artifact, content, method, key))));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (DomainException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch
        {
            prepared.TryRemove(new((artifact.Id, artifact.Sha256, artifact.MarkerVersion), lazy));
            throw;
        }
    }

    /// <summary>
    /// Forgets an artifact's preparation (a refused upload, never saved: its failure need not be
    /// remembered). A saved artifact's refusal is kept, so that each request does not check it again.
    /// </summary>
    public void Forget(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        prepared.TryRemove((artifact.Id, artifact.Sha256, artifact.MarkerVersion), out _);
    }

    /// <summary>The recipient's own copy (the same bytes every time), or the content as it is when the artifact is not marked.</summary>
    public async Task<ServedCopy> CopyForAsync(Artifact artifact, byte[] content, PartnerId partner, CancellationToken ct)
    {
        var ready = await PrepareAsync(artifact, content, ct);
        if (ready is null) return new ServedCopy(content, artifact.Sha256, 0);
        var secretBytes = await secret.GetAsync(ct);
        var bytes = await copies.GetOrCreateAsync((artifact.Id, artifact.Sha256, artifact.MarkerVersion, partner), entry =>
        {
            var codeword = ready.Code.CodewordOf(secretBytes, ArtifactKey(artifact.Id), RecipientKey(partner));
            var rendered = Encoding.UTF8.GetBytes(ready.Marks.Render(codeword));
            entry.Size = rendered.Length + 64;
            return Task.FromResult(rendered);
        });
        return new ServedCopy(bytes!, Convert.ToHexStringLower(SHA256.HashData(bytes!)), ready.Sites);
    }

    /// <summary>
    /// Compiles a Python PoC's statement variants ahead, off the request path (the upload does not
    /// wait), so that its first copies need no compile of their own (<see cref="VariantPrecheck"/>);
    /// a copy asked for meanwhile is checked as always. Only an optimisation: a failure here costs
    /// nothing but speed.
    /// </summary>
    private static void CompileAhead(IMarkedArtifact marks) =>
        _ = Task.Run(() =>
        {
            try
            {
                VariantPrecheck.Run(marks);
            }
            catch (Exception e) when (e is CodeMarkException or InvalidOperationException or IOException)
            {
                // python3 went missing or a worker failed: the copies' own checks still run.
            }
        });

    private static PreparedArtifact Prepare(Artifact artifact, byte[] content, MarkingMethod method, byte[] secret)
    {
        if (!MarkerVersion.IsKnown(artifact.MarkerVersion))
            throw new DomainException("marker-version-unknown", $"it was prepared with marker version {artifact.MarkerVersion}, which this server does not know (a newer server made it).");
        var text = Encoding.UTF8.GetString(content);
        IMarkedArtifact marks = method switch
        {
            MarkingMethod.Text => TextMarks.Prepare(text, artifact.MarkerVersion),
            MarkingMethod.Python => CodeMarks.Prepare(text, CodeLanguage.Python, artifact.MarkerVersion),
            _ => CodeMarks.Prepare(text, CodeLanguage.CSharp, artifact.MarkerVersion),
        };
        var code = TardosCode.ForArtifact(secret, ArtifactKey(artifact.Id), marks.Sites.Count);
        if (method == MarkingMethod.Python) CompileAhead(marks);
        return new PreparedArtifact(artifact.Id, artifact.Sha256, method, marks, code);
    }
}

/// <summary>The bytes served to one recipient, their SHA-256 and how many marks they carry.</summary>
public sealed record ServedCopy(byte[] Bytes, string Sha256, int Marks);
