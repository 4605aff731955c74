using EgressInfra.Core.Diff;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Diff;

/// <summary>The diff is semantic: destinations and settings, not lines of YAML.</summary>
public class EgressDifferTests
{
    private static readonly string Prod = RepoPaths.ReadText("Pulumi.prod.yaml");

    private const string Twilio = """
              - name: twilio-api
                hosts:
                  - api.twilio.com
                ports:
                  - number: 443
                    protocol: TLS
                namespaces:
                  - orders
                owner: team-orders
                reason: Delivery SMS.

        """;

    internal static EgressDiff Compare(string oldText, string newText)
    {
        var result = EgressDiffer.Compare(StackFile.Parse(oldText, "old.yaml"), "old.yaml", StackFile.Parse(newText, "new.yaml"), "new.yaml");
        Assert.True(result.Diff is not null, string.Join("\n", result.New.Diagnostics));
        return result.Diff!;
    }

    internal static string AddService(string stack, string serviceYaml)
    {
        var at = stack.IndexOf("    services:\n", StringComparison.Ordinal) + "    services:\n".Length;
        return stack.Insert(at, serviceYaml);
    }

    [Fact]
    public void ProdChangeThatAddsADestination_ShowsItGainedAndNothingLost()
    {
        var diff = Compare(Prod, AddService(Prod, Twilio));

        var orders = Assert.Single(diff.Destinations);
        Assert.Equal("orders", orders.Namespace);
        Assert.Equal(["api.twilio.com:443/TLS"], orders.Gained);
        Assert.Empty(orders.Lost);
        Assert.Equal("twilio-api", Assert.Single(diff.ServicesAdded).Name);
        Assert.Empty(diff.ServicesChanged);
        Assert.Empty(diff.Stack);
    }

    [Fact]
    public void ProdChangeThatAddsADestination_ReadsAsAPullRequestComment()
    {
        var markdown = DiffMarkdown.Write(Compare(Prod, AddService(Prod, Twilio)));

        Assert.StartsWith("### Egress changes: `old.yaml` → `new.yaml`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| `orders` | gained | `api.twilio.com:443/TLS` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `twilio-api` | added | hosts `api.twilio.com`<br>", markdown, StringComparison.Ordinal);
        Assert.Contains("owner team-orders", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ProdChangeThatAddsADestination_TextForm()
    {
        var text = DiffText.Write(Compare(Prod, AddService(Prod, Twilio)));

        Assert.Equal(
            """
            egress diff old.yaml -> new.yaml
            destinations:
              orders:
                + api.twilio.com:443/TLS
            services:
              + twilio-api: hosts api.twilio.com; ports 443/TLS; resolution DNS; location MESH_EXTERNAL; exportTo .; namespaces orders; owner team-orders; reason Delivery SMS.

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void SameStack_HasNoChanges()
    {
        var diff = Compare(Prod, Prod);

        Assert.True(diff.IsEmpty);
        Assert.Contains("No semantic egress changes.", DiffMarkdown.Write(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void ReorderedPresetsAndComments_AreNotAChange()
    {
        var dev = RepoPaths.ReadText("Pulumi.dev.yaml");
        var (before, items, after) = PresetItems(dev);
        Assert.True(items.Count > 1, "the dev stack lists several presets");
        items.Reverse();
        items[0] = "      # listed first on purpose\n" + items[0].Insert(items[0].IndexOf('\n', StringComparison.Ordinal), "   # a trailing comment");
        var reordered = before + string.Concat(items) + after;
        Assert.NotEqual(dev, reordered);
        Assert.NotEqual(
            StackText.Evaluate(dev).Config!.Egress.Presets.Select(p => p.Name),
            StackText.Evaluate(reordered).Config!.Egress.Presets.Select(p => p.Name));

        Assert.True(Compare(dev, reordered).IsEmpty);
    }

    [Fact]
    public void ReorderedHostsPortsNamespacesAndComments_AreNotAChange()
    {
        var stack = StackText.WithServices("""
            - name: pypi
              hosts: [pypi.org, files.pythonhosted.org]
              ports: [{ number: 443, protocol: TLS }, { number: 80, protocol: HTTP }]
              namespaces: [payments, orders]
            """);
        var reordered = StackText.WithServices("""
            # the index and the files, both needed by pip
            - name: pypi
              hosts:
                - files.pythonhosted.org   # wheels
                - pypi.org
              ports:
                - { protocol: HTTP, number: 80 }
                - { number: 443, protocol: TLS }
              namespaces: [orders, payments]
            """);

        Assert.True(Compare(stack, reordered).IsEmpty);
    }

    /// <summary>The dev stack's text split around its preset items, each item with its lines.</summary>
    private static (string Before, List<string> Items, string After) PresetItems(string stack)
    {
        const string Header = "    presets:\n";
        var start = stack.IndexOf(Header, StringComparison.Ordinal) + Header.Length;
        var lines = stack[start..].Split('\n');
        var items = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("      - ", StringComparison.Ordinal))
            {
                items.Add(line + "\n");
            }
            else if (line.StartsWith("        ", StringComparison.Ordinal) && items.Count > 0)
            {
                items[^1] += line + "\n";
            }
            else
            {
                break;
            }

            length += line.Length + 1;
        }

        return (stack[..start], items, stack[(start + length)..]);
    }

    [Fact]
    public void GrantingAServiceToAnotherNamespace_IsAGainForThatNamespaceAndAFieldChange()
    {
        var changed = Prod.Replace("        namespaces:\n          - payments\n", "        namespaces:\n          - payments\n          - orders\n", StringComparison.Ordinal);

        var diff = Compare(Prod, changed);

        Assert.Equal(["api.stripe.com:443/TLS"], Assert.Single(diff.Destinations, d => d.Namespace == "orders").Gained);
        var field = Assert.Single(Assert.Single(diff.ServicesChanged).Fields);
        Assert.Equal("namespaces", field.Field);
        Assert.Equal(["orders"], field.Added);
    }

    [Fact]
    public void ResolutionChange_IsShownOldToNew()
    {
        var changed = Prod.Replace("        resolution: NONE\n", "        resolution: STATIC\n        endpoints:\n          - address: 10.42.8.15\n", StringComparison.Ordinal);

        var diff = Compare(Prod, changed);

        var service = Assert.Single(diff.ServicesChanged);
        Assert.Equal("orders-db", service.Name);
        Assert.Contains(service.Fields, f => f.Field == "resolution" && f.Old == "NONE" && f.New == "STATIC");
        Assert.Contains("resolution: NONE -> STATIC", DiffText.Write(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void DroppingTheAddressesOfATcpService_OpensThePortAndShowsIt()
    {
        var changed = Prod.Replace("        addresses:\n          - 10.42.8.15/32\n", string.Empty, StringComparison.Ordinal);

        var diff = Compare(Prod, changed);

        var orders = Assert.Single(diff.Destinations);
        Assert.Contains("*:5432/TCP", orders.Gained);
        Assert.Contains("10.42.8.15/32:5432/TCP", orders.Lost);
    }

    [Fact]
    public void OutboundPolicyToAllowAny_IsAStackChangeAndAGainEverywhere()
    {
        var changed = Prod.Replace("outboundTrafficPolicy: REGISTRY_ONLY", "outboundTrafficPolicy: ALLOW_ANY", StringComparison.Ordinal);

        var diff = Compare(Prod, changed);

        Assert.Contains(diff.Stack, f => f.Field == "outboundTrafficPolicy" && f.New == "ALLOW_ANY");
        Assert.All(diff.Destinations, d => Assert.Equal([EgressSnapshot.AnyDestination], d.Gained));
    }

    [Fact]
    public void NewVersionThatDoesNotBind_HasNoDiff()
    {
        var result = EgressDiffer.Compare(StackFile.Parse(Prod, "old.yaml"), "old", StackFile.Parse("config:\n  egress-infra:environment: qa\n", "new.yaml"), "new");

        Assert.Null(result.Diff);
        Assert.True(result.New.HasErrors);
    }
}
