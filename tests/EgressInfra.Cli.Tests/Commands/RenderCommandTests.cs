using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

public class RenderCommandTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Render_PrintsTheGoldenManifests(string stack)
    {
        var (exit, output, _) = CliRunner.Run("render", "--stack", stack, "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Equal(RepoPaths.ReadText("tests", "golden", $"{stack}.yaml"), output);
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
