using System.Text;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Diff;

/// <summary>
/// The snapshot checks each entry against the namespaces that may see it, not every namespace. These
/// tests hold it to the exhaustive rule (every namespace × every entry) over exportTo and import mixes.
/// </summary>
public class SnapshotDestinationsTests
{
    private static readonly string[][] ExportTos = [[], ["*"], ["."], ["ns1"], ["~"], [".", "ns2"], ["ns3", "ns0"], ["other"]];

    private static readonly string[][] Imports = [[], ["*/*"], ["ns0/*"], ["istio-system/*"], ["ns1/api.x.com"], ["~/*"], ["*/*.x.com"], ["./*", "ns2/*"]];

    [Fact]
    public void Destinations_EqualTheExhaustiveRule_ForEveryExportAndImportMix()
    {
        var random = new Random(16);
        for (var round = 0; round < 400; round++)
        {
            var config = Bind(RandomStack(random));
            Assert.Equal(Flatten(Exhaustive(config.Egress)), Flatten(EgressSnapshot.From(config).Destinations));
        }
    }

    /// <summary>
    /// <c>diff</c> takes the entries and postures the pipeline built instead of building them again;
    /// its result must be the one the snapshot computes from the model alone, byte for byte.
    /// </summary>
    [Fact]
    public void DiffOfEvaluatedPlans_EqualsTheDiffOfSnapshotsRebuiltFromTheModel()
    {
        var random = new Random(1616);
        for (var round = 0; round < 300; round++)
        {
            var oldDocument = StackFile.Parse(RandomStack(random), "old.yaml");
            var newDocument = StackFile.Parse(RandomStack(random), "new.yaml");
            var result = EgressDiffer.Compare(oldDocument, "old.yaml", newDocument, "new.yaml");
            Assert.NotNull(result.Diff);
            var rebuilt = EgressDiffer.Compare(
                EgressSnapshot.From(result.Old.Config!, oldDocument.ProjectConfig),
                EgressSnapshot.From(result.New.Config!, newDocument.ProjectConfig),
                "old.yaml",
                "new.yaml") with { Notes = result.Diff.Notes };
            Assert.Equal(DiffText.Write(rebuilt), DiffText.Write(result.Diff));
            Assert.Equal(Flatten(Exhaustive(result.New.Config!.Egress)), Flatten(EgressSnapshot.From(result.New, newDocument.ProjectConfig).Destinations));
        }
    }

    [Fact]
    public void AllowAny_AddsTheAnyDestinationToEveryNamespace()
    {
        var config = Bind(Stack(["ns0", "ns1"], ["*/*"], "ALLOW_ANY", [("a", ["ns0"], ["*"])]));
        var destinations = EgressSnapshot.From(config).Destinations;
        Assert.Contains(EgressSnapshot.AnyDestination, destinations["ns0"]);
        Assert.Contains(EgressSnapshot.AnyDestination, destinations["ns1"]);
        Assert.Contains("api-a.x.com:443/TLS", destinations["ns1"]);
    }

    private static List<string> Flatten(IReadOnlyDictionary<string, IReadOnlyList<string>> destinations) =>
        [.. destinations.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")];

    private static StackConfig Bind(string text)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "t.yaml"));
        Assert.True(plan.Config is not null, string.Join("\n", plan.Diagnostics));
        return plan.Config!;
    }

    private static string RandomStack(Random random)
    {
        var namespaces = new[] { "ns0", "ns1", "ns2", "ns3" }.Take(random.Next(1, 5)).ToArray();
        var services = Enumerable.Range(0, random.Next(0, 6)).Select(i =>
        (
            Name: $"s{i}",
            Namespaces: namespaces.Where(_ => random.Next(2) == 0).DefaultIfEmpty(namespaces[0]).ToArray(),
            ExportTo: ExportTos[random.Next(ExportTos.Length)]))
            .ToArray();
        return Stack(namespaces, Imports[random.Next(Imports.Length)], random.Next(4) == 0 ? "ALLOW_ANY" : "REGISTRY_ONLY", services);
    }

    private static string Stack(string[] namespaces, string[] imports, string policy, (string Name, string[] Namespaces, string[] ExportTo)[] services)
    {
        var sb = new StringBuilder("config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n");
        sb.Append($"    outboundTrafficPolicy: {policy}\n");
        sb.Append($"    namespaces: [{string.Join(", ", namespaces)}]\n");
        sb.Append($"    sidecarImports: [{string.Join(", ", imports.Select(i => $"\"{i}\""))}]\n");
        sb.Append("    services:\n");
        foreach (var s in services)
        {
            sb.Append($"      - name: {s.Name}\n        hosts: [api-{s.Name}.x.com]\n        ports: [{{ number: 443, protocol: TLS }}]\n");
            sb.Append($"        namespaces: [{string.Join(", ", s.Namespaces)}]\n");
            if (s.ExportTo.Length > 0)
            {
                sb.Append($"        exportTo: [{string.Join(", ", s.ExportTo.Select(e => $"\"{e}\""))}]\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The rule as Istio states it, checked for every namespace and every entry.</summary>
    private static SortedDictionary<string, IReadOnlyList<string>> Exhaustive(EgressConfig egress)
    {
        var built = ManifestBuilder.BuildServiceEntries(egress);
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var ns in egress.Namespaces)
        {
            var sidecar = ManifestBuilder.BuildSidecar(egress, ns).Spec;
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var b in built)
            {
                var entryNs = b.Entry.Metadata.Namespace ?? ns;
                if (DestinationMatcher.IsExported(b.Entry.Spec, entryNs, ns) && DestinationMatcher.ImportFor(sidecar, b.Entry.Spec, entryNs, ns) is not null)
                {
                    set.UnionWith(EgressSnapshot.DestinationsOf(b.Source));
                }
            }

            if (egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny)
            {
                set.Add(EgressSnapshot.AnyDestination);
            }

            result[ns] = [.. set];
        }

        return result;
    }
}
