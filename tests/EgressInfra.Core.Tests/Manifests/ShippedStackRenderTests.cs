using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Core.Tests.Manifests;

/// <summary>The shipped stacks render exactly the committed golden manifests (tests/golden).</summary>
public class ShippedStackRenderTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStack_RendersTheGoldenManifests(string stack)
    {
        var rendered = Render(stack);

        var golden = RepoPaths.ReadText("tests", "golden", $"{stack}.yaml");
        Assert.Equal(golden, rendered);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStack_RendersByteIdenticallyTwice(string stack)
    {
        Assert.Equal(Render(stack), Render(stack));
    }

    [Fact]
    public void Prod_HasASidecarPerNamespaceAndOnlyNamedDependencies()
    {
        var plan = Evaluate("prod");

        Assert.Equal(["orders", "payments"], plan.Manifests!.Sidecars.Select(s => s.Metadata.Namespace));
        Assert.All(plan.Manifests.Sidecars, s => Assert.Equal("REGISTRY_ONLY", s.Spec.OutboundTrafficPolicy));
        Assert.All(plan.Manifests.ServiceEntries, e =>
        {
            Assert.Equal(["."], e.Spec.ExportTo);
            Assert.Equal(ManagedLabels.ManagedByValue, e.Metadata.Labels[ManagedLabels.ManagedBy]);
        });
        Assert.DoesNotContain(plan.Manifests.ServiceEntries.SelectMany(e => e.Spec.Hosts), h => h.Contains("pypi", StringComparison.Ordinal));
    }

    [Fact]
    public void SidecarImports_CoverEveryEntryOfTheirNamespace()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            var plan = Evaluate(stack);
            var manifests = plan.Manifests!;

            // The egress gateway's own entries (gateway mode) serve the gateway, which has no Sidecar.
            foreach (var entry in manifests.ServiceEntries.Where(e => plan.Config!.Egress.Namespaces.Contains(e.Metadata.Namespace!)))
            {
                var sidecar = manifests.Sidecars.Single(s => s.Metadata.Namespace == entry.Metadata.Namespace);
                Assert.Contains(sidecar.Spec.EgressHosts, h => h == "./*" || entry.Spec.Hosts.Any(host => h == "./" + host));
                Assert.Contains(entry.Spec.ExportTo, e => e == "." || e == "*" || e == entry.Metadata.Namespace);
            }
        }
    }

    [Fact]
    public void Render_ReadBackAndRenderAgain_IsAFixedPoint()
    {
        var first = Render("prod");
        var docs = YamlTreeReader.ReadAll(first, "rendered.yaml").Where(d => d.Root is not null).Select(d => d.Root!).ToList();

        Assert.Equal(first, YamlWriter.WriteDocuments(docs));
    }

    private static EgressPlan Evaluate(string stack) =>
        EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), $"Pulumi.{stack}.yaml"));

    private static string Render(string stack)
    {
        var plan = Evaluate(stack);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return YamlWriter.RenderObjects(plan.Manifests!.Objects);
    }
}
