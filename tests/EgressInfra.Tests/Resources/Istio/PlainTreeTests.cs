using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Tests.Resources.Istio;

public class PlainTreeTests
{
    /// <summary>The fields the shipped stacks leave out: endpoints with every setting, target ports, SANs, internal location.</summary>
    private const string EveryField = """
        config:
          egress-infra:environment: staging
          egress-infra:egress:
            namespaces: [billing]
            sidecarImports: ["istio-system/*", "shared/*"]
            services:
              - name: ledger
                hosts: [ledger.billing.internal]
                addresses: [10.9.0.10]
                ports:
                  - { number: 8443, protocol: HTTPS, name: https-ledger, targetPort: 9443 }
                  - { number: 5432, protocol: TCP }
                location: MESH_INTERNAL
                resolution: STATIC
                endpoints:
                  - address: 10.9.0.10
                    ports: { https-ledger: 19443 }
                    labels: { zone: a }
                    network: net-1
                    locality: eu-west/a
                    weight: 3
                  - address: 10.9.0.11
                subjectAltNames: [spiffe://billing/ledger]
                exportTo: [billing]
                owner: team-billing
                reason: Ledger writes.
        """;

    [Fact]
    public async Task EveryServiceEntryAndSidecarField_IsRegisteredAsRendered()
    {
        var keys = PulumiConfig.Keys(EveryField);
        var plan = EgressPipeline.Evaluate(keys);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));

        var run = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys));

        var expected = plan.Manifests!.Objects.Select(o => ManifestTree.ToTree(o).Canonical()).Order(StringComparer.Ordinal);
        var registered = run.Registered
            .Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && !r.Type.StartsWith("kubernetes:batch/", StringComparison.Ordinal) && !r.Type.EndsWith(":CustomResourceDefinition", StringComparison.Ordinal) && !r.Type.EndsWith(":Namespace", StringComparison.Ordinal))
            .Select(r => r.Inputs.Canonical())
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, registered);
        Assert.Contains("\"targetPort\":9443", string.Concat(registered), StringComparison.Ordinal);
        Assert.Contains("\"weight\":3", string.Concat(registered), StringComparison.Ordinal);
    }
}
