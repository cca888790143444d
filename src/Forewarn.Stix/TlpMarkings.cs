using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;

namespace Forewarn.Stix;

/// <summary>
/// The five TLP 2.0 marking definitions OASIS publishes (cti-stix-common-objects,
/// extension-definition-specifications/tlp-2.0): fixed ids, names and the property extension
/// <see cref="ExtensionId"/>. Every Forewarn object refers to exactly one of them.
/// </summary>
public static class TlpMarkings
{
    /// <summary>The OASIS extension definition that carries the TLP 2.0 level.</summary>
    public const string ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>When OASIS created the five definitions.</summary>
    public const string Created = "2022-10-01T00:00:00.000Z";

    /// <summary>All five labels, from the least to the most restricted.</summary>
    public static IReadOnlyList<TlpLabel> Labels { get; } = [TlpLabel.Clear, TlpLabel.Green, TlpLabel.Amber, TlpLabel.AmberStrict, TlpLabel.Red];

    /// <summary>The official marking-definition id of <paramref name="label"/>.</summary>
    public static string IdOf(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        TlpLabel.Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        TlpLabel.Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        TlpLabel.AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        TlpLabel.Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not a TLP 2.0 label."),
    };

    /// <summary>The label a marking-definition id stands for, or null when it is not one of the five.</summary>
    public static TlpLabel? LabelOf(string? markingId) =>
        Labels.Cast<TlpLabel?>().FirstOrDefault(l => IdOf(l!.Value) == markingId);

    /// <summary>The marking-definition object of <paramref name="label"/>, as OASIS publishes it (a fresh copy).</summary>
    public static JsonObject Definition(TlpLabel label) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = IdOf(label),
        ["created"] = Created,
        ["name"] = label.Name(),
        ["extensions"] = new JsonObject
        {
            [ExtensionId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["tlp_2_0"] = label.Name()[4..].ToLowerInvariant(),
            },
        },
    };
}
