using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary><c>check</c> prints each governed namespace's posture: a block in text, a top-level object in JSON.</summary>
public class CheckPostureTests
{
    [Fact]
    public void ShippedProd_IsEnforcedInEveryNamespace_WithNoWarning()
    {
        var (exit, output, _) = CliRunner.Run("check", "--stack", "prod", "--project-dir", RepoPaths.Root, "--format", "json");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        var posture = json.RootElement.GetProperty("posture");
        Assert.Equal(
            [("orders", "enforced"), ("payments", "enforced")],
            posture.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        Assert.Equal("gateway", json.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public void SidecarModeProd_IsBestEffort_InTextAndJson()
    {
        var text = RepoPaths.ReadText("Pulumi.prod.yaml").Replace("mode: gateway", "mode: sidecar", StringComparison.Ordinal);
        var file = CliRunner.TempFile(text, "Pulumi.prod.yaml");

        var (exit, output, _) = CliRunner.Run("check", "--file", file, "--format", "json");
        var (_, plain, _) = CliRunner.Run("check", "--file", file);

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("posture").EnumerateObject(), p => Assert.Equal("best-effort", p.Value.GetString()));
        Assert.Contains("posture (mode sidecar):\n  orders: best-effort (missing: ", plain, StringComparison.Ordinal);
        Assert.Contains("warning EGR350:", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void UnusableStack_HasAnEmptyPosture()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:environment: prod\n  egress-infra:egress: [oops]\n");

        var (_, output, _) = CliRunner.Run("check", "--file", file, "--format", "json");

        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("posture").EnumerateObject());
    }
}
