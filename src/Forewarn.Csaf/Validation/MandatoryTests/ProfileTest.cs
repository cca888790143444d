using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>A test of 6.1.27 that applies only to documents of some profiles (by <c>/document/category</c>).</summary>
internal abstract class ProfileTest(string id, params string[] categories) : MandatoryTest(id)
{
    public sealed override IEnumerable<CsafFailure> Run(JsonNode document) =>
        document.Get("document").Get("category").Text() is { } category && categories.Contains(category)
            ? RunForProfile(document, category)
            : [];

    protected abstract IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category);
}
