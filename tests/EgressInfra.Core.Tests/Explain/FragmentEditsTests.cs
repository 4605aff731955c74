using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Explain;

/// <summary>
/// A service a fragment defines is fixed in that fragment: explain's edit names the fragment file and
/// the path inside it, and offers no <c>pulumi config set</c>, which cannot reach a fragment.
/// </summary>
public class FragmentEditsTests
{
    private const string Stack = """
        config:
          egress-infra:environment: dev
          egress-infra:egress:
            namespaces: [payments, orders]
            include: ["egress.d/*.yaml"]
            services:
              - name: stripe-api
                hosts: [api.stripe.com]
                ports: [{ number: 443, protocol: TLS }]
                namespaces: [payments]
                owner: team-payments
                reason: Card payments.
        """;

    private const string Orders = """
        owner: team-orders
        services:
          - name: sendgrid-api
            hosts: [api.sendgrid.com]
            ports: [{ number: 443, protocol: TLS }]
            namespaces: [orders]
            reason: Order e-mails.
        """;

    private static readonly EvaluationOptions Today = new(new TestSupport.FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    private static Explanation Explain(string ns, string host)
    {
        var files = new InMemoryProjectFiles(new Dictionary<string, string> { ["egress.d/orders.yaml"] = Orders });
        var document = FragmentResolver.Resolve(StackFile.Parse(Stack, "Pulumi.dev.yaml"), files);
        var result = EgressExplainer.Explain(document, new ExplainQuery(ns, host, 443, ServiceProtocol.Tls), Today);
        return result.Explanation!;
    }

    [Fact]
    public void EditOfAFragmentService_NamesTheFragmentAndItsOwnPath()
    {
        var e = Explain("payments", "api.sendgrid.com");

        Assert.False(e.Allowed);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.d/orders.yaml", edit.File);
        Assert.StartsWith("services[0].namespaces", edit.Path, StringComparison.Ordinal);
        Assert.Empty(ChangeSnippets.PulumiCommands(edit));
        var text = ExplanationText.Write(e);
        Assert.Contains("# egress.d/orders.yaml, at services[0].namespaces", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi config set", text, StringComparison.Ordinal);
        Assert.Contains("\"file\": \"egress.d/orders.yaml\"", ExplanationJson.Write(e), StringComparison.Ordinal);
    }

    [Fact]
    public void EditOfAStackService_StaysInTheStackFile_WithPulumiCommands()
    {
        var e = Explain("orders", "api.stripe.com");

        var edit = Assert.Single(e.Change!.Edits);
        Assert.Null(edit.File);
        Assert.StartsWith("egress.services[0].namespaces", edit.Path, StringComparison.Ordinal);
        Assert.NotEmpty(ChangeSnippets.PulumiCommands(edit));
    }
}
