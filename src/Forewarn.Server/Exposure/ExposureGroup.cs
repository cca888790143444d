namespace Forewarn.Server.Exposure;

/// <summary>The groups' names on the wire, most telling first.</summary>
public static class ExposureGroup
{
    public const string FetchedPoc = "fetched-poc";
    public const string FetchedOther = "fetched-other";
    public const string EntitledNotFetched = "entitled-not-fetched";
    public const string Nothing = "nothing";
}
