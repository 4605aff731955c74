using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Import;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Adoption;

public class ImportGatewayTests
{
    private static readonly EvaluationOptions Today = new(new FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    // Gateway mode off the defaults: its own namespace, selector and Service; an originateTls port; a bypass; no NetworkPolicy.
    private const string Stack = """
        config:
          egress-infra:environment: staging
          egress-infra:egress:
            mode: gateway
            gateway:
              namespace: edge-out
              selector:
                app: edge
                tier: egress
              service: edge-gw
            networkPolicy:
              enabled: false
            outboundTrafficPolicy: REGISTRY_ONLY
            namespaces:
              - shop
              - billing
            services:
              - name: legacy-api
                hosts:
                  - legacy.example.com
                ports:
                  - number: 80
                    protocol: HTTP
                    originateTls: true
                resolution: DNS
                namespaces:
                  - shop
                owner: team-shop
                reason: Talks plain HTTP; the gateway opens TLS.
              - name: ledger-db
                hosts:
                  - ledger.internal
                addresses:
                  - 10.9.0.7/32
                ports:
                  - number: 5432
                    protocol: TCP
                resolution: NONE
                bypassGateway: true
                namespaces:
                  - billing
                owner: team-billing
                reason: Reached directly by its private address.
        """;

    private static EgressPlan Plan(string text, string file) => EgressPipeline.Evaluate(StackFile.Parse(text, file), Today);

    private static (StackConfig Original, ImportResult Result, StackConfig Imported) RoundTrip(string text)
    {
        var original = Plan(text, "a.yaml");
        Assert.NotNull(original.Manifests);
        var result = EgressImporter.Import([("rendered.yaml", YamlWriter.RenderObjects(original.Manifests!.Objects))], new ImportOptions(original.Config!.Environment));
        var imported = StackConfigBinder.Bind(StackFile.Parse(result.StackText, "i.yaml").ProjectConfig!).Config;
        Assert.NotNull(imported);
        return (original.Config, result, imported!);
    }

    [Fact]
    public void TheProdRender_ImportsToGatewayMode_WithTheSameGatewayBlock()
    {
        var (original, result, imported) = RoundTrip(RepoPaths.ReadText("Pulumi.prod.yaml"));

        Assert.True(result.GrantsMatch, string.Join("\n", result.GrantDifferences));
        Assert.Equal(EgressMode.Gateway, imported.Egress.Mode);
        Assert.Equal(original.Egress.Gateway, imported.Egress.Gateway);
        Assert.True(imported.Egress.NetworkPolicy.Enabled);
        Assert.Equal(OutboundTrafficPolicy.RegistryOnly, imported.Egress.OutboundTrafficPolicy);
        Assert.Equal(original.Egress.Namespaces.Order(StringComparer.Ordinal), imported.Egress.Namespaces.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(imported.Egress.SidecarImports, h => h.StartsWith("istio-egress/", StringComparison.Ordinal));
        Assert.Equal(original.Egress.Services.Count, imported.Egress.Services.Count);
        Assert.Equal(0, result.Counts.Skipped);
    }

    [Fact]
    public void AGatewayRender_CarriesSelectorServiceOriginationBypassAndNetworkPolicy()
    {
        var (original, result, imported) = RoundTrip(Stack);

        Assert.True(result.GrantsMatch, string.Join("\n", result.GrantDifferences));
        Assert.Equal(EgressMode.Gateway, imported.Egress.Mode);
        Assert.Equal(original.Egress.Gateway, imported.Egress.Gateway);
        Assert.False(imported.Egress.NetworkPolicy.Enabled);
        Assert.DoesNotContain("edge-out", imported.Egress.Namespaces);
        var legacy = Assert.Single(imported.Egress.Services, s => s.Hosts.Contains("legacy.example.com"));
        Assert.True(Assert.Single(legacy.Ports).OriginateTls);
        Assert.False(legacy.BypassGateway);
        Assert.True(Assert.Single(imported.Egress.Services, s => s.Hosts.Contains("ledger.internal")).BypassGateway);
        var diff = EgressDiffer.Compare(StackFile.Parse(Stack, "a"), "a", StackFile.Parse(result.StackText, "b"), "b", Today).Diff!;
        Assert.Empty(diff.Destinations);
    }

    [Fact]
    public void AGatewayNotManagedByEgressInfra_IsSkippedAsBefore()
    {
        const string Foreign = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: someone-elses
              namespace: istio-egress
            spec:
              selector:
                istio: egressgateway
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: stripe
              namespace: payments
            spec:
              hosts:
              - api.stripe.com
              ports:
              - number: 443
                name: tls
                protocol: TLS
              resolution: DNS
              exportTo:
              - .
            """;

        var result = EgressImporter.Import([("f.yaml", Foreign)]);

        Assert.Equal(1, result.Counts.Skipped);
        Assert.Contains("Gateway 1", result.StackText, StringComparison.Ordinal);
        Assert.DoesNotContain("mode: gateway", result.StackText, StringComparison.Ordinal);
    }
}
