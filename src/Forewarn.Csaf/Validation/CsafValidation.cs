namespace Forewarn.Csaf.Validation;

/// <summary>The verdict on one document: valid when nothing failed.</summary>
/// <param name="Failures">Every failure found, schema failures first, then the mandatory tests in spec order.</param>
public sealed record CsafValidation(IReadOnlyList<CsafFailure> Failures)
{
    /// <summary>True when the document passed the schema and every mandatory test.</summary>
    public bool IsValid => Failures.Count == 0;

    /// <summary>The ids of the tests that failed, each once, in order.</summary>
    public IEnumerable<string> FailedTests => Failures.Select(f => f.Test).Distinct();
}
