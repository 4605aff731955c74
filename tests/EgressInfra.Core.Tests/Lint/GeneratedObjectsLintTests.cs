using EgressInfra.Core.Lint;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Lint;

/// <summary>
/// What the program deploys passes the same validators `lint` applies to hand-written YAML: every kind
/// of every shipped and example stack, per object and across the set, under the restrictive profile.
/// </summary>
public class GeneratedObjectsLintTests
{
    private static readonly EvaluationOptions Today = new(new FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("Pulumi.prod.yaml", "restrictive")]
    [InlineData("Pulumi.dev.yaml", "permissive")]
    [InlineData("examples/ambient/Pulumi.ambient-example.yaml", "restrictive")]
    public void RenderedObjects_LintWithoutErrors(string stack, string profile)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText(stack.Split('/')), stack), Today);
        Assert.NotNull(plan.Manifests);
        var rendered = YamlWriter.RenderObjects(plan.Manifests!.Objects);

        var result = ManifestLinter.Lint([("rendered.yaml", rendered)], LintOptions.ForProfile(profile));

        Assert.True(result.Errors == 0, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Resource} {d.Path}: {d.Message}")));
        Assert.Equal(plan.Manifests.Objects.Count(), result.Counts.Documents);
    }

    [Fact]
    public void GatewayRender_HoldsEveryEnforcementKind_AndNothingExportedEverywhere()
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText("Pulumi.prod.yaml"), "Pulumi.prod.yaml"), Today);
        var rendered = YamlWriter.RenderObjects(plan.Manifests!.Objects);

        var result = ManifestLinter.Lint([("rendered.yaml", rendered)], LintOptions.ForProfile("restrictive"));

        Assert.Equal(["AuthorizationPolicy", "DestinationRule", "Gateway", "NetworkPolicy", "VirtualService"], result.Counts.EnforcementKinds.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("- \"*\"", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api.example.com", 80, "SIMPLE", false)]
    [InlineData("api.example.com", 8080, "SIMPLE", true)]
    [InlineData("other.example.com", 80, "SIMPLE", true)]
    [InlineData("api.example.com", 80, "DISABLE", true)]
    [InlineData("api.example.com", 80, "ISTIO_MUTUAL", true)]
    public void CleartextHttp_IsExcusedOnlyByTlsOriginationForTheSameHostAndPort(string host, int port, string mode, bool cleartext)
    {
        var yaml = $$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: api, namespace: payments}
            spec:
              hosts: [api.example.com]
              ports: [{number: 80, name: http, protocol: HTTP, targetPort: 443}]
              resolution: DNS
              exportTo: ["."]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: api, namespace: payments}
            spec:
              host: {{host}}
              trafficPolicy:
                portLevelSettings:
                - port: {number: {{port}}}
                  tls: {mode: {{mode}}, sni: api.example.com}
              exportTo: ["."]
            """;

        var result = ManifestLinter.Lint([("bundle.yaml", yaml)], LintOptions.ForProfile("restrictive"));

        Assert.Equal(cleartext, result.Diagnostics.Any(d => d.IsError && d.Code == "EGR306"));
    }
}
