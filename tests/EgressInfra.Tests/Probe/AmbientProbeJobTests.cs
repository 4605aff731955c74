using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Probe;

namespace EgressInfra.Tests.Probe;

/// <summary>The probe of an ambient stack as Pulumi registers it: one Job per governed namespace, the rendered one.</summary>
public class AmbientProbeJobTests
{
    private const string JobType = "kubernetes:batch/v1:Job";

    private static string ExampleWithProbe(Func<string, string>? edit = null) =>
        (edit ?? (t => t))(TestSupport.RepoPaths.ReadText("examples", "ambient", "Pulumi.ambient-example.yaml")).TrimEnd('\n')
        + "\n  egress-infra:probe:\n    enabled: true\n";

    [Fact]
    public async Task AmbientExample_RegistersTheRenderedJobPerGovernedNamespace_WithoutAProxyAnnotation()
    {
        var stack = ExampleWithProbe();
        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(stack), "ambient-example");
        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(stack));
        var probes = ProbePlanner.Plan(plan.Manifests!, plan.Config!);

        Assert.Equal(["orders-probe", "payments-probe"], run.OfType(JobType).Select(j => j.Name).Order(StringComparer.Ordinal));
        foreach (var probe in probes)
        {
            Assert.True(probe.Ambient);
            var job = Assert.Single(run.OfType(JobType), j => j.Name == $"{probe.Namespace}-probe");
            Assert.Null(job.Value("spec", "template", "metadata", "annotations", ProbeJobArgsMapper.ProxyConfigAnnotation));
            var registered = job.Inputs.Canonical().Replace((string)job.Value("metadata", "name")!, "NAME", StringComparison.Ordinal);
            var rendered = ProbeJobManifest.ToTree(probe).Canonical().Replace(ProbeJobManifest.RenderedName(probe), "NAME", StringComparison.Ordinal);
            Assert.Equal(rendered, registered);
        }
    }

    // Without a NetworkPolicy a governed ambient namespace holds no object of the stack's; its probe still runs there.
    [Fact]
    public async Task NamespaceWithoutObjects_StillGetsItsJob()
    {
        const string stack = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                mode: ambient
                networkPolicy:
                  enabled: false
                namespaces: [payments, orders]
                services:
                  - name: api
                    hosts: [api.example.org]
                    ports: [{ number: 443, protocol: TLS }]
                    resolution: DNS
                    namespaces: [payments]
                    owner: team-payments
                    reason: Payments API.
              egress-infra:probe:
                enabled: true
            """;
        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(stack));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        Assert.DoesNotContain(plan.Manifests!.Objects, o => o.Metadata.Namespace is "orders" or "payments");

        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(stack));

        Assert.Equal(["orders-probe", "payments-probe"], run.OfType(JobType).Select(j => j.Name).Order(StringComparer.Ordinal));
    }
}
