using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// The products an exported document speaks about, written as CSAF full product names. A security
/// advisory must have a product tree (test 6.1.27.4), so an advisory that names no product gets one
/// stand-in product that says so.
/// </summary>
internal static partial class CsafProducts
{
    /// <summary>The id of the stand-in product of an advisory that names none.</summary>
    public const string UnnamedId = "FWPID-0";

    // The schema's own patterns: a CPE or purl that does not match them is left out rather than
    // making the whole document invalid.
    [GeneratedRegex(@"^(cpe:2\.3:[aho\*\-](:(((\?*|\*?)([a-zA-Z0-9\-\._]|(\\[\\\*\?!""#\$%&'\(\)\+,/:;<=>@\[\]\^`\{\|\}~]))+(\?*|\*?))|[\*\-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\*\-]))(:(((\?*|\*?)([a-zA-Z0-9\-\._]|(\\[\\\*\?!""#\$%&'\(\)\+,/:;<=>@\[\]\^`\{\|\}~]))+(\?*|\*?))|[\*\-])){4})|([c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\._\-~%]*){0,6})$")]
    private static partial Regex CpeShape();

    [GeneratedRegex(@"^pkg:[A-Za-z\.\-\+][A-Za-z0-9\.\-\+]*/.+")]
    private static partial Regex PurlShape();

    /// <summary>The advisory's products, or the stand-in when it names none.</summary>
    public static IReadOnlyList<Product> Of(Advisory advisory) =>
        advisory.Products.Count > 0
            ? advisory.Products
            : [new Product(UnnamedId, $"Products affected by {advisory.Reference} (not itemised in the advisory)")];

    public static JsonObject Tree(IReadOnlyList<Product> products) => new()
    {
        ["full_product_names"] = new JsonArray([.. products.Select(FullProductName)]),
    };

    private static JsonNode FullProductName(Product product)
    {
        var node = new JsonObject { ["name"] = product.Name, ["product_id"] = product.Id };
        var helper = new JsonObject();
        if (product.Cpe is { Length: >= 5 } cpe && CpeShape().IsMatch(cpe)) helper["cpe"] = cpe;
        if (product.Purl is { Length: >= 7 } purl && PurlShape().IsMatch(purl) && Uri.TryCreate(purl, UriKind.Absolute, out _))
            helper["purl"] = purl;
        if (helper.Count > 0) node["product_identification_helper"] = helper;
        return node;
    }
}
