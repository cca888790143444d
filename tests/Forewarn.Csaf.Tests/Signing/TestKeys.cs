using Forewarn.Csaf.Signing;

namespace Forewarn.Csaf.Tests.Signing;

/// <summary>
/// Keys shared by the signing tests, generated once per run. Times are fixed and in the past so
/// that GnuPG sees neither a key nor a signature from the future.
/// </summary>
internal static class TestKeys
{
    public const string UserId = "Halcyon Software Early Warning Program <psirt@halcyon.example>";

    public static readonly DateTimeOffset KeyCreated = new(2025, 11, 3, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Signed = new(2026, 1, 12, 14, 5, 17, TimeSpan.Zero);

    private static readonly Lazy<OpenPgpKey> LazySigner = new(() => OpenPgpKey.Generate(UserId, KeyCreated));

    private static readonly Lazy<OpenPgpKey> LazyStranger = new(() =>
        OpenPgpKey.Generate("Someone Else <else@elsewhere.example>", KeyCreated));

    public static OpenPgpKey Signer => LazySigner.Value;

    public static OpenPgpKey Stranger => LazyStranger.Value;

    public static byte[] Document { get; } =
        System.Text.Encoding.UTF8.GetBytes("{\"document\":{\"tracking\":{\"id\":\"FW-2026-1201\"}}}\n");
}
