using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Probe;

/// <summary>
/// The probe Jobs as <c>egressctl render</c> prints them, byte for byte against tests/golden: dev
/// (sidecar), prod with the probe turned on (gateway mode with a NetworkPolicy, so the bypass
/// container too) and the ambient example with the probe turned on.
/// <c>EGRESS_UPDATE_GOLDEN=1</c> rewrites the files; review the diff before committing it.
/// </summary>
public class ProbeJobGoldenTests
{
    private const string ProbeOn = "  egress-infra:probe:\n    enabled: true\n";

    [Theory]
    [InlineData("probe-dev.yaml", "Pulumi.dev.yaml", false)]
    [InlineData("probe-prod-gateway.yaml", "Pulumi.prod.yaml", true)]
    [InlineData("probe-ambient.yaml", "examples/ambient/Pulumi.ambient-example.yaml", true)]
    public void ProbeJobs_RenderTheGoldenYaml(string golden, string stack, bool turnOn)
    {
        var rendered = RenderJobs(stack, turnOn);

        var path = RepoPaths.File("tests", "golden", golden);
        if (Environment.GetEnvironmentVariable("EGRESS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.Equal(File.ReadAllText(path), rendered);
    }

    internal static string RenderJobs(string stack, bool turnOn)
    {
        var text = RepoPaths.ReadText([.. stack.Split('/')]);
        if (turnOn)
        {
            text = text.TrimEnd('\n') + "\n" + ProbeOn;
        }

        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, Path.GetFileName(stack)));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var probes = ProbePlanner.Plan(plan.Manifests!, plan.Config!);
        Assert.NotEmpty(probes);
        return YamlWriter.WriteDocuments(probes.Select(ProbeJobManifest.ToTree));
    }
}
