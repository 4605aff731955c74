using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Resources.Istio;

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
    /// <summary>A service used by three namespaces, another by two with its own owner, one alone.</summary>
    private const string SharedServices = """
        config:
          egress-infra:environment: dev
          egress-infra:egress:
            namespaces: [billing, checkout, search]
            services:
              - name: payments
                hosts: [api.stripe.com]
                ports: [{ number: 443, protocol: TLS }]
                namespaces: [billing, checkout, search]
                owner: team-payments
              - name: ledger
                hosts: [ledger.example.org, ledger-eu.example.org]
                ports: [{ number: 8443, protocol: HTTPS, name: https-ledger, targetPort: 9443 }, { number: 9000, protocol: TLS }]
                namespaces: [billing, checkout]
                owner: team-billing
                reason: Ledger writes.
              - name: index
                hosts: [index.example.org]
                ports: [{ number: 443, protocol: TLS }]
                namespaces: [search]
        """;

    // The run's converter reuses the first copy of a service for the others: each copy's inputs must
    // still be its own rendered tree, its namespace included, whatever the order of conversion.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CopiesOfAServiceInOtherNamespaces_AreEachTheirOwnRenderedTree(bool reversed)
    {
        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(SharedServices));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var objects = reversed ? plan.Manifests!.Objects.Reverse().ToList() : [.. plan.Manifests!.Objects];
        Assert.Equal(6, objects.OfType<ServiceEntry>().Count());

        var converter = new PlainTree();
        foreach (var obj in objects)
        {
            Assert.Equal(ManifestTree.ToTree(obj).Canonical(), converter.InputsOf(obj).Canonical());
        }

        foreach (var ns in new[] { "billing", "checkout", "search" })
        {
            var entry = objects.OfType<ServiceEntry>().First(e => e.Metadata.Name == "payments" && e.Metadata.Namespace == ns);
            var metadata = (IDictionary<string, object>)converter.InputsOf(entry)["metadata"]!;
            Assert.Equal(ns, metadata["namespace"]);
        }
    }

    [Theory]
    [MemberData(nameof(ShippedStacks.Names), MemberType = typeof(ShippedStacks))]
    public void EveryObjectOfTheShippedStacks_IsItsRenderedTree(string stack)
    {
        var converter = new PlainTree();
        foreach (var obj in ShippedStacks.Rendered(stack).Objects)
        {
            Assert.Equal(ManifestTree.ToTree(obj).Canonical(), converter.InputsOf(obj).Canonical());
        }
    }
}
