using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Validation.Enforcement;

/// <summary>How lint reads the enforcement kinds: versions, List documents, schemas, locations.</summary>
public sealed class EnforcementLintTests
{
    private const string Policy = """
        apiVersion: security.istio.io/VERSION
        kind: AuthorizationPolicy
        metadata: {name: p, namespace: payments}
        spec:
          action: ALLOW
          rules: [{from: [{source: {namespaces: [payments]}}]}]
        """;

    [Theory]
    [InlineData("v1", true)]
    [InlineData("v1beta1", true)]
    [InlineData("v1alpha1", false)]
    public void Authorization_policy_versions(string version, bool served)
    {
        var result = ManifestLinter.Lint([("p.yaml", Policy.Replace("VERSION", version, StringComparison.Ordinal))]);
        Assert.Equal(served, !result.Diagnostics.Any(d => d.Code == "EGR402"));
        Assert.Equal(1, result.Counts.EnforcementKinds["AuthorizationPolicy"]);
    }

    [Theory]
    [InlineData("networking.istio.io/v1alpha3", true)]
    [InlineData("networking.istio.io/v1beta1", true)]
    [InlineData("networking.istio.io/v1alpha2", false)]
    public void Gateway_versions(string apiVersion, bool served)
    {
        var text = $"apiVersion: {apiVersion}\nkind: Gateway\nmetadata: {{name: g}}\nspec:\n  servers: [{{port: {{number: 80, name: http, protocol: HTTP}}, hosts: ['*']}}]\n";
        Assert.Equal(served, !ManifestLinter.Lint([("g.yaml", text)]).HasErrors);
    }

    [Fact]
    public void List_items_are_linted_with_their_own_lines()
    {
        var text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1
              kind: DestinationRule
              metadata: {name: ok}
              spec: {host: api.example.com}
            - apiVersion: networking.istio.io/v1
              kind: DestinationRule
              metadata: {name: bad}
              spec:
                host: api.example.com
                trafficPolicy: {}
            """;
        var result = ManifestLinter.Lint([("list.yaml", text)]);
        Assert.Equal(2, result.Counts.Documents);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("EGR437", error.Code);
        Assert.Equal("spec.trafficPolicy", error.Path);
        Assert.Equal(13, error.Location!.Line);
        Assert.Equal("DestinationRule bad", error.Resource);
    }

    [Fact]
    public void Fields_of_newer_istio_versions_warn_but_spec_typos_are_errors()
    {
        var text = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: d}
            spec:
              host: api.example.com
              trafficPolicy:
                tls: {mode: SIMPLE, someFutureField: true}
            """;
        var result = ManifestLinter.Lint([("d.yaml", text)]);
        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == "EGR401" && d.Path == "spec.trafficPolicy.tls.someFutureField");
        var typo = ManifestLinter.Lint([("d.yaml", text.Replace("  host:", "  hots:", StringComparison.Ordinal))]);
        Assert.Contains(typo.Diagnostics, d => d.Code == "EGR150" && d.IsError);
    }

    [Fact]
    public void Wrong_types_stop_at_the_schema()
    {
        var text = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: g}
            spec:
              servers: [{port: {number: "eighty", name: http, protocol: HTTP}, hosts: ["*"]}]
            """;
        var result = ManifestLinter.Lint([("g.yaml", text)]);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("EGR151", error.Code);
        Assert.Equal(5, error.Location!.Line);
    }

    [Fact]
    public void Hostile_documents_do_not_crash()
    {
        string[] texts =
        [
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: v}\nspec: [1, 2]\n",
            "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a}\nspec: {rules: [null, 3, {from: [null]}]}\n",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {egress: [{ports: [{port: [1]}]}], podSelector: {matchLabels: {a: b, a: c}}}\n",
            "apiVersion: v1\nkind: List\nitems: [1, null, {kind: List, apiVersion: v1, items: [{kind: List, apiVersion: v1, items: []}]}]\n",
            "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec: {host: a, trafficPolicy: {connectionPool: {tcp: {connectTimeout: '99999999999999999999999h'}}}}\n",
        ];
        foreach (var text in texts)
        {
            var result = ManifestLinter.Lint([("x.yaml", text)], LintOptions.ForProfile(LintOptions.RestrictiveProfile));
            Assert.True(result.Diagnostics.All(d => d.Location is not null), string.Join("; ", result.Diagnostics));
        }
    }
}
