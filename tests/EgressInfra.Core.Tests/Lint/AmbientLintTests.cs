using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Lint;

public class AmbientLintTests
{
    private const string Waypoint = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: waypoint, namespace: istio-egress}
        spec:
          gatewayClassName: istio-waypoint
          listeners: [{name: mesh, port: 15008, protocol: HBONE}]
        """;

    private const string BoundEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: api, namespace: istio-egress, labels: {istio.io/use-waypoint: waypoint}}
        spec:
          hosts: [api.example.com]
          ports: [{number: 443, name: tls-443, protocol: TLS}]
          resolution: DNS
          exportTo: ["."]
        """;

    private const string Sidecar = """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: orders}
        spec:
          egress: [{hosts: ["./*"]}]
          outboundTrafficPolicy: {mode: REGISTRY_ONLY}
        """;

    private static LintResult Lint(params string[] documents) =>
        ManifestLinter.Lint([("m.yaml", string.Join("\n---\n", documents))]);

    [Fact]
    public void ASidecarAmongAmbientManifests_IsFlagged_WithItsRegistryOnly()
    {
        var result = Lint(Waypoint, BoundEntry, Sidecar);

        var sidecar = Assert.Single(result.Diagnostics, d => d.Code == "EGR375");
        Assert.Equal("metadata.name", sidecar.Path);
        Assert.Equal("m.yaml", sidecar.Location!.File);
        var registry = Assert.Single(result.Diagnostics, d => d.Code == "EGR376");
        Assert.Equal("spec.outboundTrafficPolicy.mode", registry.Path);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void AnyAmbientMarker_IsEnough(int marker)
    {
        var ambient = marker == 0 ? Waypoint : BoundEntry;

        Assert.Contains(Lint(ambient, Sidecar).Diagnostics, d => d.Code == "EGR375");
    }

    [Fact]
    public void WithoutAmbientManifests_ASidecarIsNotFlagged()
    {
        var result = Lint(Sidecar, BoundEntry.Replace("labels: {istio.io/use-waypoint: waypoint}", "labels: {app: x}", StringComparison.Ordinal));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "EGR375" or "EGR376");
    }

    [Fact]
    public void AnIstioGatewayIsNotAWaypoint()
    {
        var istioGateway = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: waypoint, namespace: istio-egress}
            spec:
              selector: {istio: egressgateway}
              servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: [api.example.com], tls: {mode: PASSTHROUGH}}]
            """;

        Assert.DoesNotContain(Lint(istioGateway, Sidecar).Diagnostics, d => d.Code == "EGR375");
    }

    [Fact]
    public void APolicyOnAnUnboundEntry_IsFlagged()
    {
        var unbound = BoundEntry.Replace("labels: {istio.io/use-waypoint: waypoint}", "labels: {}", StringComparison.Ordinal);
        var policy = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: api, namespace: istio-egress}
            spec:
              targetRefs: [{group: networking.istio.io, kind: ServiceEntry, name: api}]
              action: ALLOW
              rules: [{from: [{source: {namespaces: [orders]}}]}]
            """;

        var finding = Assert.Single(Lint(unbound, policy).Diagnostics, d => d.Code == "EGR377");
        Assert.Equal("spec.targetRefs[0].name", finding.Path);
        Assert.DoesNotContain(Lint(BoundEntry, policy).Diagnostics, d => d.Code == "EGR377");
    }

    [Theory]
    [InlineData("workload", true)]
    [InlineData("none", true)]
    [InlineData("service", false)]
    [InlineData("all", false)]
    public void AWaypointForNoServiceTraffic_IsFlagged(string value, bool flagged)
    {
        var waypoint = Waypoint.Replace("namespace: istio-egress}", $"namespace: istio-egress, labels: {{istio.io/waypoint-for: {value}}}}}", StringComparison.Ordinal);

        Assert.Equal(flagged, Lint(waypoint, BoundEntry).Diagnostics.Any(d => d.Code == "EGR378"));
    }

    [Fact]
    public void MalformedDocuments_DoNotBreakTheAmbientRules()
    {
        var result = Lint(Waypoint, "kind: Sidecar\nmetadata: [1]\nspec: 3", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nspec: {targetRefs: [3, {kind: ServiceEntry}]}");

        Assert.NotNull(result);
    }
}
