using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests.Reading;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Manifests.Reading;

/// <summary>Reads one manifest document from text, so each test shows only the YAML it is about.</summary>
internal static class ManifestYaml
{
    public const string FileName = "se.yaml";

    public static ManifestRead Read(string yaml)
    {
        var document = YamlTreeReader.ReadSingle(yaml, FileName);
        Assert.True(document.Root is not null, string.Join("; ", document.Problems));
        return ManifestReader.Read(document.Root!);
    }

    /// <summary>A ServiceEntry with a one-host, one-port spec; <paramref name="spec"/> lines are indented under spec.</summary>
    public static string ServiceEntry(string spec, string metadata = "name: api\n  namespace: payments", string apiVersion = "networking.istio.io/v1") =>
        $"apiVersion: {apiVersion}\nkind: ServiceEntry\nmetadata:\n  {metadata}\nspec:\n{Indent(spec)}";

    public static Diagnostic Single(ManifestRead read, string code)
    {
        var matches = read.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got: {string.Join(" | ", read.Diagnostics)}");
        return matches[0];
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : "  " + l)) + "\n";
}
