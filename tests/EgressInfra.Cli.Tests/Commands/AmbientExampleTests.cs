using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary>The shipped ambient example end to end through egressctl: checks clean and enforced, renders no Sidecar, lints with 0 errors.</summary>
public class AmbientExampleTests
{
    private static readonly string Example = RepoPaths.File("examples", "ambient", "Pulumi.ambient-example.yaml");

    [Fact]
    public void Check_IsCleanAndEveryNamespaceEnforced()
    {
        var (exit, output, _) = CliRunner.Run("check", "--file", Example, "--project-dir", RepoPaths.Root, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        var postures = json.RootElement.GetProperty("posture").EnumerateObject().ToList();
        Assert.Equal(["orders", "payments"], postures.Select(p => p.Name));
        Assert.All(postures, p => Assert.Equal("enforced", p.Value.GetString()));
    }

    [Fact]
    public void Render_HasNoSidecar_AWaypoint_AndAPolicyTargetingEachEntry_AndLintsWithoutErrors()
    {
        var (exit, output, _) = CliRunner.Run("render", "--file", Example, "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("kind: Sidecar", output, StringComparison.Ordinal);
        Assert.Contains("gatewayClassName: istio-waypoint", output, StringComparison.Ordinal);
        foreach (var entry in new[] { "fx-rates", "orders-db", "stripe-api" })
        {
            Assert.Contains($"  kind: ServiceEntry\n    name: {entry}\n", output, StringComparison.Ordinal);
        }

        var rendered = CliRunner.TempFile(output, "ambient.yaml");
        var (lintExit, lint, _) = CliRunner.Run("lint", rendered, "--format", "json");
        Assert.Equal(0, lintExit);
        using var json = JsonDocument.Parse(lint);
        Assert.DoesNotContain(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Explain_OnTheAmbientPath_SaysRbacOrResetAndTheSmallestChange()
    {
        var (exit, output, _) = CliRunner.Run("explain", "--file", Example, "--project-dir", RepoPaths.Root, "-n", "orders", "--host", "api.stripe.com", "--port", "443");

        Assert.Equal(1, exit);
        Assert.Contains("mode ambient, waypoint istio-egress/waypoint", output, StringComparison.Ordinal);
        Assert.Contains("add orders to the namespaces of stripe-api", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_ShowsTheModeAndTheWaypoint()
    {
        var (exit, output, _) = CliRunner.Run("graph", "--file", Example, "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Contains("%% mode ambient: waypoint istio-egress/waypoint", output, StringComparison.Ordinal);
        Assert.Contains("stripe-api, via waypoint", output, StringComparison.Ordinal);
    }
}
