using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md's tables are generated from the catalog: each <c>&lt;!-- table: EGRn --&gt;</c>
/// marker is followed by the table of the codes whose number starts that way. Prose around the
/// tables is hand-written. Regenerate with <c>EGRESS_UPDATE_DOCS=1 dotnet test --filter DiagnosticsDoc</c>.
/// </summary>
public class DiagnosticsDocTests
{
    private static readonly (string Prefix, string Heading)[] Families =
    [
        ("EGR0", "Config (EGR0xx)"),
        ("EGR10,EGR11,EGR12,EGR13,EGR14", "Istio admission (EGR100–EGR149)"),
        ("EGR15,EGR16,EGR17,EGR18,EGR19", "Manifests as the API server reads them (EGR150–EGR199)"),
        ("EGR2", "Analysis across entries (EGR2xx)"),
        ("EGR3", "Profiles, waivers and presets (EGR3xx)"),
        ("EGR40,EGR41,EGR42,EGR43,EGR44,EGR45", "Enforcement kinds one by one: Gateway, VirtualService, DestinationRule, AuthorizationPolicy, NetworkPolicy (EGR400–EGR459)"),
        ("EGR47,EGR48,EGR49", "Enforcement across objects and the restrictive profile (EGR470–EGR499)"),
        ("EGR50,EGR51,EGR52", "Delivery: target, preflight and probe (EGR500–EGR529)"),
        ("EGR6", "Teams and adoption: fragments, CODEOWNERS, import and learn (EGR6xx)"),
    ];

    [Fact]
    public void DiagnosticsDoc_TablesMatchTheCatalog()
    {
        var path = RepoPaths.File("docs", "diagnostics.md");
        var current = File.ReadAllText(path);

        var expected = Regenerate(current);

        if (Environment.GetEnvironmentVariable("EGRESS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(expected == current, "docs/diagnostics.md is out of date: run EGRESS_UPDATE_DOCS=1 dotnet test --filter DiagnosticsDoc");
    }

    private static string Regenerate(string doc)
    {
        var lines = doc.Split('\n').ToList();
        var output = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            output.Add(line);
            if (!line.StartsWith("<!-- table: ", StringComparison.Ordinal))
            {
                continue;
            }

            var key = line["<!-- table: ".Length..^" -->".Length];
            seen.Add(key);
            output.AddRange(Table(key.Split(',')));
            while (i + 1 < lines.Count && (lines[i + 1].StartsWith('|')))
            {
                i++;
            }
        }

        foreach (var (prefix, heading) in Families.Where(f => !seen.Contains(f.Prefix)))
        {
            if (output.Count > 0 && output[^1].Length == 0)
            {
                output.RemoveAt(output.Count - 1);
            }

            output.AddRange(["", $"## {heading}", "", $"<!-- table: {prefix} -->", .. Table(prefix.Split(',')), ""]);
        }

        return string.Join('\n', output);
    }

    private static IEnumerable<string> Table(string[] prefixes)
    {
        yield return "| code | severity | Istio counterpart | meaning | fix |";
        yield return "| --- | --- | --- | --- | --- |";
        foreach (var d in DiagnosticCatalog.All.Where(d => prefixes.Any(p => d.Code.StartsWith(p, StringComparison.Ordinal))).OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            yield return $"| {d.Code} | {d.DefaultSeverity} | {Cell(d.IstioCounterpart ?? "—")} | {Cell(d.Title)} | {Cell(d.Fix)} |";
        }
    }

    private static string Cell(string text) => new StringBuilder(text).Replace("|", "\\|").Replace("\n", " ").ToString();
}
