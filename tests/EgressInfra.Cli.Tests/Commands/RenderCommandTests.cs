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
            ["orders.serviceentry.orders-db.yaml", "orders.serviceentry.sendgrid-api.yaml", "orders.sidecar.default.yaml", "payments.serviceentry.stripe-api.yaml", "payments.sidecar.default.yaml"],
            files);
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
