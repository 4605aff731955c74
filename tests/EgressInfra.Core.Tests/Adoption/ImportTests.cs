using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Import;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Adoption;

public class ImportTests
{
    private static readonly EvaluationOptions Today = new(new FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    private static EgressPlan Plan(string text, string file) => EgressPipeline.Evaluate(StackFile.Parse(text, file), Today);

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void ImportingAShippedStacksRender_GrantsExactlyTheSame(string stack)
    {
        var original = Plan(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), $"Pulumi.{stack}.yaml");
        var rendered = YamlWriter.RenderObjects(original.Manifests!.Objects);

        var result = EgressImporter.Import([("rendered.yaml", rendered)], new ImportOptions(original.Config!.Environment));

        Assert.True(result.GrantsMatch, string.Join("\n", result.GrantDifferences));
        var imported = Plan(result.StackText, "imported.yaml");
        Assert.NotNull(imported.Config);
        var diff = EgressDiffer.Compare(StackFile.Parse(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), "a"), "a", StackFile.Parse(result.StackText, "b"), "b", Today).Diff!;
        Assert.Empty(diff.Destinations);
        Assert.Equal(EgressSnapshot.From(original.Config).Destinations, EgressSnapshot.From(imported.Config!).Destinations);
    }

    [Fact]
    public void ImportingTheDevRender_RecognisesItsPresets_AndKeepsOwners()
    {
        var original = Plan(RepoPaths.ReadText("Pulumi.dev.yaml"), "Pulumi.dev.yaml");
        var result = EgressImporter.Import([("r.yaml", YamlWriter.RenderObjects(original.Manifests!.Objects))]);

        var config = StackConfigBinder.Bind(StackFile.Parse(result.StackText, "i.yaml").ProjectConfig!).Config!;
        Assert.Equal(["apt", "github", "github-ssh", "pypi"], config.Egress.Presets.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(config.Egress.Presets, p => Assert.Equal("team-platform", p.Owner));
    }

    // As `kubectl get serviceentries,sidecars -A -o yaml` prints them: one List, server fields included.
    private const string Cluster = """
        apiVersion: v1
        kind: List
        metadata:
          resourceVersion: ""
        items:
        - apiVersion: networking.istio.io/v1
          kind: ServiceEntry
          metadata:
            annotations:
              kubectl.kubernetes.io/last-applied-configuration: |
                {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry"}
            creationTimestamp: "2025-03-02T11:20:41Z"
            generation: 3
            name: stripe
            namespace: payments
            resourceVersion: "918273"
            uid: 5f0c8d3e-2a51-4a0e-9d7b-3c0f8f0e6b11
          spec:
            exportTo:
            - .
            hosts:
            - api.stripe.com
            location: MESH_EXTERNAL
            ports:
            - name: https
              number: 443
              protocol: TLS
            resolution: DNS
          status: {}
        - apiVersion: networking.istio.io/v1beta1
          kind: ServiceEntry
          metadata:
            name: stripe-api
            namespace: checkout
          spec:
            hosts: [api.stripe.com]
            ports: [{ name: https, number: 443, protocol: TLS }]
            resolution: DNS
            exportTo: ["."]
        - apiVersion: networking.istio.io/v1alpha3
          kind: ServiceEntry
          metadata:
            name: external-postgres
            namespace: istio-system
          spec:
            hosts: [pg.corp.example]
            addresses: [10.20.0.0/24]
            ports: [{ name: tcp-postgres, number: 5432 }]
            resolution: NONE
            exportTo: ["*"]
        - apiVersion: networking.istio.io/v1
          kind: ServiceEntry
          metadata:
            name: vm-workloads
            namespace: payments
          spec:
            hosts: [legacy.payments.svc]
            ports: [{ name: http, number: 8080, protocol: HTTP }]
            location: MESH_INTERNAL
            resolution: STATIC
            workloadSelector:
              labels: { app: legacy }
        - apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata:
            name: default
            namespace: payments
          spec:
            egress:
            - hosts: ["./*", "istio-system/*"]
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
        - apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata:
            name: ratings
            namespace: checkout
          spec:
            workloadSelector:
              labels: { app: ratings }
            egress:
            - hosts: ["./*"]
        - apiVersion: v1
          kind: ConfigMap
          metadata: { name: istio, namespace: istio-system }
          data: {}
        """;

    [Fact]
    public void ImportingAClustersList_GroupsByGrant_AndSaysWhatItLeftOut()
    {
        var result = EgressImporter.Import([("cluster.yaml", Cluster)]);

        var config = StackConfigBinder.Bind(StackFile.Parse(result.StackText, "i.yaml").ProjectConfig!).Config!;
        Assert.Equal(["checkout", "payments"], config.Egress.Namespaces.Order(StringComparer.Ordinal));
        var stripe = Assert.Single(config.Egress.Services, s => s.Hosts.Contains("api.stripe.com"));
        Assert.Equal(["checkout", "payments"], stripe.Namespaces.Order(StringComparer.Ordinal));
        var postgres = Assert.Single(config.Egress.Services, s => s.Hosts.Contains("pg.corp.example"));
        Assert.Equal(EgressInfra.Core.Config.ServiceProtocol.Tcp, Assert.Single(postgres.Ports).Protocol);
        Assert.DoesNotContain(config.Egress.Services, s => s.Hosts.Contains("legacy.payments.svc"));

        Assert.Contains(result.Notes, n => n.Contains("vm-workloads", StringComparison.Ordinal) && n.Contains("workloadSelector", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("Sidecar checkout/ratings", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("exported to every namespace", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("checkout/stripe-api", StringComparison.Ordinal) && n.Contains("becomes", StringComparison.Ordinal));
        Assert.Contains("# Not carried over or changed:", result.StackText, StringComparison.Ordinal);
        Assert.Equal(1, result.Counts.Skipped);

        // checkout has no Sidecar: ALLOW_ANY today, so the stack keeps ALLOW_ANY and says so.
        Assert.Equal(EgressInfra.Core.Config.OutboundTrafficPolicy.AllowAny, config.Egress.OutboundTrafficPolicy);
        Assert.Contains(result.GrantDifferences, d => d.StartsWith("payments: +", StringComparison.Ordinal) && d.Contains("ALLOW_ANY", StringComparison.Ordinal));
    }

    [Fact]
    public void EnvironmentIsTheOptionsAndTheOutputIsAStackFile()
    {
        var result = EgressImporter.Import([("c.yaml", Cluster)], new ImportOptions(EgressInfra.Core.Config.DeploymentEnvironment.Prod));

        var document = StackFile.Parse(result.StackText, "i.yaml");
        Assert.False(document.IsUnusable);
        Assert.Equal("prod", ((ScalarNode)document.ProjectConfig!["environment"]!).Text);
        Assert.StartsWith("# Imported by `egressctl import`", result.StackText, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenInput_IsANoteNotACrash()
    {
        var result = EgressImporter.Import([("bad.yaml", "kind: [\n"), ("empty.yaml", ""), ("se.yaml", "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: x}\nspec: {hosts: 3}\n")]);

        Assert.NotEmpty(result.Notes);
        Assert.False(StackFile.Parse(result.StackText, "i.yaml").IsUnusable && result.Counts.ServiceEntries > 0);
    }
}
