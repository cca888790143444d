using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>One mandatory test of CSAF 2.0, section 6.1.</summary>
internal interface IMandatoryTest
{
    /// <summary>The spec's test id, e.g. <c>6.1.1</c> or <c>6.1.27.9</c>.</summary>
    string Id { get; }

    /// <summary>
    /// Runs the test on a document that may not match the schema: every test reads defensively and
    /// only judges the values it finds with the expected shape.
    /// </summary>
    IEnumerable<CsafFailure> Run(JsonNode document);
}

/// <summary>Base of the mandatory tests: the id and a way to word a failure.</summary>
internal abstract class MandatoryTest(string id) : IMandatoryTest
{
    public string Id { get; } = id;

    public abstract IEnumerable<CsafFailure> Run(JsonNode document);

    protected CsafFailure Fail(string pointer, string message) => new(Id, pointer, message);
}
