using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

public class RenderCommandTests
{
    // Prod runs no probe: exactly the golden policy objects.
    [Fact]
    public void Render_PrintsTheGoldenManifests()
    {
        var (exit, output, _) = CliRunner.Run("render", "--stack", "prod", "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Equal(RepoPaths.ReadText("tests", "golden", "prod.yaml"), output);
    }

    // Dev enables the probe: the Job that will run inside the namespace follows the policy objects,
    // so a reviewer sees it (image by digest, no forced injection, replaced when unready).
    [Fact]
    public void Render_PrintsTheProbeJobAfterTheGoldenManifests()
    {
        var (exit, output, _) = CliRunner.Run("render", "--stack", "dev", "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        var golden = RepoPaths.ReadText("tests", "golden", "dev.yaml");
        Assert.StartsWith(golden, output, StringComparison.Ordinal);
        var job = output[golden.Length..];
        Assert.StartsWith("---\napiVersion: batch/v1\nkind: Job\n", job, StringComparison.Ordinal);
        Assert.Contains("namespace: sandbox", job, StringComparison.Ordinal);
        Assert.Matches(@"pulumi.com/replaceUnready: [""']?true[""']?\n", job);
        Assert.Contains(Core.Probe.ProbeConfig.DefaultImage, job, StringComparison.Ordinal);
        Assert.Matches("@sha256:[0-9a-f]{64}", Core.Probe.ProbeConfig.DefaultImage);
        Assert.DoesNotContain("sidecar.istio.io/inject", job, StringComparison.Ordinal);
        Assert.Contains("healthz/ready", job, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderOut_WritesOneFilePerObject()
    {
        var dir = Directory.CreateTempSubdirectory("render-").FullName;

        var (exit, _, _) = CliRunner.Run("render", "--stack", "prod", "--project-dir", RepoPaths.Root, "--out", dir);

        Assert.Equal(0, exit);
        var files = Directory.GetFiles(dir).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "istio-egress.authorizationpolicy.istio-egressgateway.yaml",
                "istio-egress.destinationrule.istio-egressgateway.yaml",
                "istio-egress.gateway.orders-db.yaml",
                "istio-egress.gateway.sendgrid-api.yaml",
                "istio-egress.gateway.stripe-api.yaml",
                "istio-egress.serviceentry.orders-db.yaml",
                "istio-egress.serviceentry.sendgrid-api.yaml",
                "istio-egress.serviceentry.stripe-api.yaml",
                "istio-egress.virtualservice.orders-db.yaml",
                "istio-egress.virtualservice.sendgrid-api.yaml",
                "istio-egress.virtualservice.stripe-api.yaml",
                "orders.networkpolicy.egress-infra.yaml",
                "orders.serviceentry.orders-db.yaml",
                "orders.serviceentry.sendgrid-api.yaml",
                "orders.sidecar.default.yaml",
                "payments.networkpolicy.egress-infra.yaml",
                "payments.serviceentry.stripe-api.yaml",
                "payments.sidecar.default.yaml",
            ],
            files);
    }

    // The ambient example with the probe turned on: its policy objects as before, then one Job per
    // governed namespace, exactly the golden ambient Jobs (no proxy annotation, enrolment read from
    // the pod's own annotations).
    [Fact]
    public void Render_AmbientExampleWithProbe_PrintsAJobPerGovernedNamespace()
    {
        var example = RepoPaths.ReadText("examples", "ambient", "Pulumi.ambient-example.yaml");
        var file = CliRunner.TempFile(example.TrimEnd('\n') + "\n  egress-infra:probe:\n    enabled: true\n");
        var (_, policyOnly, _) = CliRunner.Run("render", "--file", RepoPaths.File("examples", "ambient", "Pulumi.ambient-example.yaml"));

        var (exit, output, err) = CliRunner.Run("render", "--file", file);

        Assert.True(exit == 0, err);
        Assert.StartsWith(policyOnly, output, StringComparison.Ordinal);
        Assert.Equal(RepoPaths.ReadText("tests", "golden", "probe-ambient.yaml"), output[policyOnly.Length..]);
    }

    [Fact]
    public void RenderOut_AmbientExampleWithProbe_WritesOneJobFilePerGovernedNamespace()
    {
        var example = RepoPaths.ReadText("examples", "ambient", "Pulumi.ambient-example.yaml");
        var file = CliRunner.TempFile(example.TrimEnd('\n') + "\n  egress-infra:probe:\n    enabled: true\n");
        var dir = Directory.CreateTempSubdirectory("render-ambient-").FullName;

        var (exit, _, err) = CliRunner.Run("render", "--file", file, "--out", dir);

        Assert.True(exit == 0, err);
        var jobs = Directory.GetFiles(dir, "*.job.*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, jobs.Count);
        Assert.StartsWith("orders.job.egress-probe-", jobs[0], StringComparison.Ordinal);
        Assert.StartsWith("payments.job.egress-probe-", jobs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void RenderOfABadStack_PrintsNoManifestAndExitsOne()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [a]\n    services:\n      - name: x\n        hosts: [x.example.com]\n        ports: [{ number: 0, protocol: TCP }]\n");

        var (exit, output, err) = CliRunner.Run("render", "--file", file);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("egress.services[0].ports[0].number", err, StringComparison.Ordinal);
    }
}
