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
            presets:
              - { name: npm, namespaces: [payments], owner: team-payments, reason: npm ci }
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
        presets:
          - { name: pypi, namespaces: [orders], reason: pip install }
        """;

    private static readonly EvaluationOptions Today = new(new TestSupport.FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    private static Explanation Explain(string ns, string host, string stack = Stack)
    {
        var files = new InMemoryProjectFiles(new Dictionary<string, string> { ["egress.d/orders.yaml"] = Orders });
        var document = FragmentResolver.Resolve(StackFile.Parse(stack, "Pulumi.dev.yaml"), files);
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

    // The stack lists npm first, so the fragment's pypi is egress.presets[1] in the merged tree but
    // presets[0] in its own file: the edit must say the latter, and where.
    [Fact]
    public void EditOfAFragmentPreset_NamesTheFragmentAndItsOwnPath()
    {
        var e = Explain("payments", "files.pythonhosted.org");

        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.d/orders.yaml", edit.File);
        Assert.Equal("presets[0].namespaces[1]", edit.Path);
        Assert.Equal("- payments\n", ChangeSnippets.Yaml(edit));
        Assert.Empty(ChangeSnippets.PulumiCommands(edit));
        Assert.Contains("the preset pypi (egress.d/orders.yaml, presets[0])", edit.Description, StringComparison.Ordinal);
        Assert.Contains("(egress.d/orders.yaml, presets[0])", e.Change.Summary, StringComparison.Ordinal);
        var text = ExplanationText.Write(e);
        Assert.Contains("# egress.d/orders.yaml, at presets[0].namespaces[1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi config set", text, StringComparison.Ordinal);
        Assert.Contains("\"file\": \"egress.d/orders.yaml\"", ExplanationJson.Write(e), StringComparison.Ordinal);
    }

    [Fact]
    public void EditOfAStackPreset_StaysInTheStackFile_WithPulumiCommands()
    {
        var e = Explain("orders", "registry.npmjs.org");

        var edit = Assert.Single(e.Change!.Edits);
        Assert.Null(edit.File);
        Assert.Equal("egress.presets[0].namespaces[1]", edit.Path);
        Assert.NotEmpty(ChangeSnippets.PulumiCommands(edit));
    }

    // Governing a namespace edits the stack (namespaces is stack-wide) and the fragment's preset at
    // once: only the stack's edit gets a pulumi command.
    [Fact]
    public void UngovernedNamespace_FragmentPreset_OneEditInTheStack_OneInTheFragment()
    {
        var e = Explain("batch", "files.pythonhosted.org");

        Assert.Equal(
            [(null, "egress.namespaces[2]"), ("egress.d/orders.yaml", "presets[0].namespaces[1]")],
            e.Change!.Edits.Select(x => (x.File, x.Path)));
        Assert.NotEmpty(ChangeSnippets.PulumiCommands(e.Change.Edits[0]));
        Assert.Empty(ChangeSnippets.PulumiCommands(e.Change.Edits[1]));
        var text = ExplanationText.Write(e);
        Assert.Contains("# egress.d/orders.yaml, at presets[0].namespaces[1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("presets[1]", text, StringComparison.Ordinal);
        // The acceptance's findings about the preset name it where the fragment writes it, as check does.
        Assert.Contains(e.Acceptance!.NewWarnings, w => w.Path == "presets[0]");
        Assert.All(e.Acceptance.NewWarnings, w => Assert.DoesNotContain("egress.presets[1]", w.Path, StringComparison.Ordinal));
    }
}
