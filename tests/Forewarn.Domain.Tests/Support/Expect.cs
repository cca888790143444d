using Forewarn.Domain.Common;

namespace Forewarn.Domain.Tests.Support;

/// <summary>Asserts that a domain rule refused an operation with a given stable code.</summary>
internal static class Expect
{
    public static DomainException Refusal(string code, Action act)
    {
        var e = Assert.ThrowsAny<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }
}
