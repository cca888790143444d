namespace Forewarn.Tracing.Text;

/// <summary>Extra conditions a phrase pair needs before a site is placed on it.</summary>
internal enum PhraseGuard
{
    None,
    /// <summary>Not after an adverb ("maliciously crafted" must not become "maliciously specially crafted").</summary>
    NotAfterAdverb,
    /// <summary>"that is" only as an aside: after "," or "(" and before "," (not "a value that is larger").</summary>
    Aside,
    /// <summary>Lower case only: a capitalised spelling may be a name ("Authorization" header).</summary>
    LowerCaseOnly,
    /// <summary>A connective before a word, not a noun ("before the fix", not "as before" or "a while").</summary>
    Connective,
    /// <summary>"before" only before a gerund or a number ("before upgrading", "before 4.2"), not a clause ("before it is used").</summary>
    Preposition,
    /// <summary>Only as a sentence adverb followed by a comma ("In addition, …", not "in addition to").</summary>
    BeforeComma,
}

/// <summary>Two phrasings that say exactly the same thing in an advisory; either may be in the original.</summary>
internal sealed record PhrasePair(string Kind, string Form0, string Form1, PhraseGuard Guard = PhraseGuard.None);

/// <summary>
/// The curated pairs. A pair is here only if swapping it changes no fact an analyst acts on:
/// words that are also names, terms of art (CWE titles such as "Improper …") or that shift
/// certainty ("could"/"can", "weakness"/"vulnerability") are left out on purpose. Forms are
/// disjoint: no phrase belongs to two pairs.
/// </summary>
internal static class PhrasePairs
{
    public const string Synonym = "synonym";
    public const string Contraction = "contraction";
    public const string Abbreviation = "abbreviation";
    public const string Spelling = "spelling";

    public static readonly IReadOnlyList<PhrasePair> All =
    [
        // Synonyms for the security domain.
        new(Synonym, "attacker", "adversary"),
        new(Synonym, "attackers", "adversaries"),
        new(Synonym, "allows", "permits"),
        new(Synonym, "allowing", "permitting"),
        new(Synonym, "obtain", "acquire"),
        new(Synonym, "obtains", "acquires"),
        new(Synonym, "specially crafted", "crafted", PhraseGuard.NotAfterAdverb),
        new(Synonym, "prior to", "before", PhraseGuard.Preposition),
        new(Synonym, "or later", "or newer"),
        new(Synonym, "upgrade to", "update to"),
        new(Synonym, "upgrading to", "updating to"),
        new(Synonym, "results in", "leads to"),
        new(Synonym, "resulting in", "leading to"),
        new(Synonym, "result in", "lead to", PhraseGuard.Connective),
        new(Synonym, "denial of service", "denial-of-service"),
        new(Synonym, "execute arbitrary", "run arbitrary"),
        new(Synonym, "executing arbitrary", "running arbitrary"),
        new(Synonym, "sensitive information", "sensitive data"),
        new(Synonym, "modify", "alter"),
        new(Synonym, "modifies", "alters"),
        new(Synonym, "verify that", "confirm that"),
        new(Synonym, "check whether", "check if"),
        new(Synonym, "determine whether", "determine if"),
        new(Synonym, "ensure", "make sure"),
        new(Synonym, "additionally", "in addition", PhraseGuard.BeforeComma),
        new(Synonym, "contains", "includes"),
        new(Synonym, "fixed in", "resolved in"),
        new(Synonym, "disable", "turn off"),
        new(Synonym, "disabled", "turned off"),
        new(Synonym, "disabling", "turning off"),
        new(Synonym, "enable", "turn on"),
        new(Synonym, "enabled", "turned on"),
        new(Synonym, "user-supplied", "user-provided"),
        new(Synonym, "insufficient", "inadequate"),
        new(Synonym, "restrict access", "limit access"),
        new(Synonym, "inbound", "incoming"),
        new(Synonym, "outbound", "outgoing"),
        new(Synonym, "look for", "search for", PhraseGuard.Connective),
        new(Synonym, "as soon as possible", "at the earliest opportunity"),
        new(Synonym, "in order to", "so as to"),
        new(Synonym, "may be able to", "might be able to"),
        new(Synonym, "whilst", "while", PhraseGuard.Connective),
        new(Synonym, "amongst", "among"),
        new(Synonym, "towards", "toward"),
        new(Synonym, "afterwards", "afterward"),
        // Contractions.
        new(Contraction, "does not", "doesn't"),
        new(Contraction, "do not", "don't"),
        new(Contraction, "is not", "isn't"),
        new(Contraction, "are not", "aren't"),
        new(Contraction, "was not", "wasn't"),
        new(Contraction, "were not", "weren't"),
        new(Contraction, "has not", "hasn't"),
        new(Contraction, "have not", "haven't"),
        new(Contraction, "cannot", "can't"),
        new(Contraction, "will not", "won't"),
        new(Contraction, "should not", "shouldn't"),
        new(Contraction, "could not", "couldn't"),
        // Abbreviations.
        new(Abbreviation, "e.g.", "for example"),
        new(Abbreviation, "i.e.", "that is", PhraseGuard.Aside),
        // British and American spelling.
        new(Spelling, "authorisation", "authorization", PhraseGuard.LowerCaseOnly),
        new(Spelling, "unauthorised", "unauthorized", PhraseGuard.LowerCaseOnly),
        new(Spelling, "authorised", "authorized", PhraseGuard.LowerCaseOnly),
        new(Spelling, "sanitise", "sanitize", PhraseGuard.LowerCaseOnly),
        new(Spelling, "sanitised", "sanitized", PhraseGuard.LowerCaseOnly),
        new(Spelling, "sanitisation", "sanitization", PhraseGuard.LowerCaseOnly),
        new(Spelling, "deserialisation", "deserialization", PhraseGuard.LowerCaseOnly),
        new(Spelling, "serialised", "serialized", PhraseGuard.LowerCaseOnly),
        new(Spelling, "initialised", "initialized", PhraseGuard.LowerCaseOnly),
        new(Spelling, "normalised", "normalized", PhraseGuard.LowerCaseOnly),
        new(Spelling, "prioritise", "prioritize", PhraseGuard.LowerCaseOnly),
        new(Spelling, "recognise", "recognize", PhraseGuard.LowerCaseOnly),
        new(Spelling, "organisation", "organization", PhraseGuard.LowerCaseOnly),
        new(Spelling, "organisations", "organizations", PhraseGuard.LowerCaseOnly),
        new(Spelling, "behaviour", "behavior", PhraseGuard.LowerCaseOnly),
        new(Spelling, "minimise", "minimize", PhraseGuard.LowerCaseOnly),
        new(Spelling, "analyse", "analyze", PhraseGuard.LowerCaseOnly),
        new(Spelling, "defence", "defense", PhraseGuard.LowerCaseOnly),
        new(Spelling, "e-mail", "email", PhraseGuard.LowerCaseOnly),
    ];
}
