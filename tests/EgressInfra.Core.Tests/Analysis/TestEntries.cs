using EgressInfra.Core.Analysis;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Tests.Analysis;

/// <summary>
/// Builds ServiceEntries for analysis tests. Defaults are the quiet case (DNS, exportTo ".", TLS
/// on 443), so each test writes only the fields its rule is about.
/// </summary>
internal static class TestEntries
{
    /// <param name="ports">Ports as <c>443/TLS</c>; a bare number (<c>3306</c>) leaves the protocol unset.</param>
    /// <param name="exportTo">Null for <c>["."]</c>; an empty array omits exportTo.</param>
    public static ServiceEntry Entry(
        string name,
        string? ns = "payments",
        string[]? hosts = null,
        string[]? ports = null,
        string[]? addresses = null,
        string? resolution = "DNS",
        string[]? exportTo = null,
        string? location = "MESH_EXTERNAL") =>
        new(
            ObjectMetadata.Named(name, ns),
            new ServiceEntrySpec(
                (hosts ?? [$"{name}.example.com"]).ToValueList(),
                (addresses ?? []).ToValueList(),
                (ports ?? ["443/TLS"]).Select(Port).ToValueList(),
                location,
                resolution,
                ValueList<WorkloadEntry>.Empty,
                null,
                (exportTo ?? ["."]).ToValueList(),
                ValueList<string>.Empty));

    public static IReadOnlyList<EntryFinding> Analyze(params ServiceEntry[] entries) => EgressAnalyzer.Analyze(entries);

    /// <summary>The findings of one code, for tests that look at one rule.</summary>
    public static List<EntryFinding> Findings(string code, params ServiceEntry[] entries) =>
        [.. EgressAnalyzer.Analyze(entries).Where(f => f.Diagnostic.Code == code)];

    private static ServicePort Port(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var number = long.Parse(slash < 0 ? text : text[..slash], System.Globalization.CultureInfo.InvariantCulture);
        var protocol = slash < 0 ? null : text[(slash + 1)..];
        return new ServicePort(number, protocol, $"p-{number}");
    }
}
