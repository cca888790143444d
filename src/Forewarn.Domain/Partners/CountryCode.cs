using Forewarn.Domain.Common;

namespace Forewarn.Domain.Partners;

/// <summary>ISO 3166-1 alpha-2 country codes (the officially assigned ones).</summary>
public static class CountryCode
{
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
        "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
        "HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
        "NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
        "RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
        "VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    private static readonly HashSet<string> Codes = [.. Assigned.Split(' ')];

    /// <summary>All 249 assigned codes.</summary>
    public static IReadOnlyCollection<string> All => Codes;

    public static bool IsAssigned(string? code) => code is { Length: 2 } && Codes.Contains(code);

    /// <summary>Normalises to upper case and refuses anything that is not an assigned code.</summary>
    public static string Parse(string? code, string field = "country")
    {
        var c = code?.Trim().ToUpperInvariant();
        return IsAssigned(c)
            ? c!
            : throw new DomainException("unknown-country",
                $"'{code}' is not an ISO 3166-1 alpha-2 country code (for the {field}); use two letters such as DE, US or CN.");
    }
}
