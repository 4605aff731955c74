using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Manifests;

/// <summary>
/// Every field of the routing, policy and NetworkPolicy kinds reaches the tree (validators read
/// objects through <see cref="ManifestTree.ToTree"/>), under the name Kubernetes and Istio use.
/// </summary>
public class ManifestTreeKindsTests
{
    private static readonly ObjectMetadata Meta = ObjectMetadata.Named("x", "ns");

    private static readonly ValueList<string> One = ValueList.Of("v");

    [Fact]
    public void Gateway_WritesEveryField()
    {
        var tls = new ServerTlsSettings("SIMPLE")
        {
            HttpsRedirect = true, ServerCertificate = "c", PrivateKey = "k", CaCertificates = "ca", CredentialName = "cred",
            SubjectAltNames = One, MinProtocolVersion = "TLSV1_2", MaxProtocolVersion = "TLSV1_3", CipherSuites = One,
        };
        var server = new GatewayServer(new GatewayPort(443, "HTTPS", "https") { TargetPort = 8443 }, One, tls)
        {
            Bind = "0.0.0.0", DefaultEndpoint = "127.0.0.1:80", Name = "s",
        };
        var tree = ManifestTree.ToTree(new Gateway(Meta, new GatewaySpec(ValueMap.Of(("istio", "egressgateway")), ValueList.Of(server))));

        Assert.Equal(
            ["spec.selector.istio", "spec.servers[0].bind", "spec.servers[0].defaultEndpoint", "spec.servers[0].hosts[0]", "spec.servers[0].name",
             "spec.servers[0].port.name", "spec.servers[0].port.number", "spec.servers[0].port.protocol", "spec.servers[0].port.targetPort",
             "spec.servers[0].tls.caCertificates", "spec.servers[0].tls.cipherSuites[0]", "spec.servers[0].tls.credentialName",
             "spec.servers[0].tls.httpsRedirect", "spec.servers[0].tls.maxProtocolVersion", "spec.servers[0].tls.minProtocolVersion",
             "spec.servers[0].tls.mode", "spec.servers[0].tls.privateKey", "spec.servers[0].tls.serverCertificate",
             "spec.servers[0].tls.subjectAltNames[0]"],
            SpecLeaves(tree));
        Assert.Equal(("networking.istio.io/v1", "Gateway"), Header(tree));
    }

    [Fact]
    public void VirtualService_WritesEveryField()
    {
        var dest = ValueList.Of(new RouteDestination(new Destination("h", "s", 443), 100));
        var labels = ValueMap.Of(("app", "a"));
        var spec = new VirtualServiceSpec(
            One,
            One,
            ValueList.Of(new HttpRoute(ValueList.Of(new HttpMatchRequest(One, 80) { Name = "m", SourceLabels = labels, SourceNamespace = "n" }), dest) { Name = "r" }),
            ValueList.Of(new TlsRoute(ValueList.Of(new TlsMatchAttributes(One, One, 443) { DestinationSubnets = One, SourceLabels = labels, SourceNamespace = "n" }), dest)),
            ValueList.Of(new TcpRoute(ValueList.Of(new L4MatchAttributes(One, 5432) { DestinationSubnets = One, SourceLabels = labels, SourceNamespace = "n" }), dest)),
            One);
        var leaves = SpecLeaves(ManifestTree.ToTree(new VirtualService(Meta, spec)));

        foreach (var expected in new[]
        {
            "spec.hosts[0]", "spec.gateways[0]", "spec.exportTo[0]", "spec.http[0].name", "spec.http[0].match[0].name", "spec.http[0].match[0].port",
            "spec.http[0].match[0].sourceLabels.app", "spec.http[0].match[0].gateways[0]", "spec.http[0].match[0].sourceNamespace",
            "spec.http[0].route[0].destination.host", "spec.http[0].route[0].destination.subset", "spec.http[0].route[0].destination.port.number",
            "spec.http[0].route[0].weight", "spec.tls[0].match[0].sniHosts[0]", "spec.tls[0].match[0].destinationSubnets[0]",
            "spec.tls[0].match[0].port", "spec.tls[0].match[0].sourceLabels.app", "spec.tls[0].match[0].gateways[0]",
            "spec.tls[0].match[0].sourceNamespace", "spec.tls[0].route[0].weight", "spec.tcp[0].match[0].destinationSubnets[0]",
            "spec.tcp[0].match[0].port", "spec.tcp[0].match[0].sourceLabels.app", "spec.tcp[0].match[0].gateways[0]",
            "spec.tcp[0].match[0].sourceNamespace", "spec.tcp[0].route[0].destination.port.number",
        })
        {
            Assert.Contains(expected, leaves);
        }
    }

    [Fact]
    public void DestinationRule_WritesEveryField()
    {
        var tls = new ClientTlsSettings("MUTUAL")
        {
            Sni = "h", CredentialName = "c", ClientCertificate = "cc", PrivateKey = "k", CaCertificates = "ca", SubjectAltNames = One, InsecureSkipVerify = false,
        };
        var policy = new TrafficPolicy(tls, ValueList.Of(new PortTrafficPolicy(443, tls)));
        var spec = new DestinationRuleSpec("h", policy, ValueList.Of(new Subset("s", ValueMap.Of(("v", "1")), policy)), One)
        {
            WorkloadSelector = new WorkloadSelector(ValueMap.Of(("app", "a"))),
        };
        var leaves = SpecLeaves(ManifestTree.ToTree(new DestinationRule(Meta, spec)));

        foreach (var field in new[] { "mode", "sni", "credentialName", "clientCertificate", "privateKey", "caCertificates", "subjectAltNames[0]", "insecureSkipVerify" })
        {
            Assert.Contains($"spec.trafficPolicy.tls.{field}", leaves);
            Assert.Contains($"spec.trafficPolicy.portLevelSettings[0].tls.{field}", leaves);
            Assert.Contains($"spec.subsets[0].trafficPolicy.tls.{field}", leaves);
        }

        Assert.Contains("spec.trafficPolicy.portLevelSettings[0].port.number", leaves);
        Assert.Contains("spec.subsets[0].name", leaves);
        Assert.Contains("spec.subsets[0].labels.v", leaves);
        Assert.Contains("spec.exportTo[0]", leaves);
        Assert.Contains("spec.workloadSelector.matchLabels.app", leaves);
        Assert.Contains("spec.host", leaves);
    }

    [Fact]
    public void AuthorizationPolicy_WritesEveryField()
    {
        var source = new RuleSource(One)
        {
            NotNamespaces = One, Principals = One, NotPrincipals = One, RequestPrincipals = One, NotRequestPrincipals = One,
            IpBlocks = One, NotIpBlocks = One, RemoteIpBlocks = One, NotRemoteIpBlocks = One,
        };
        var operation = new RuleOperation(One) { NotHosts = One, Ports = One, NotPorts = One, Methods = One, NotMethods = One, Paths = One, NotPaths = One };
        var rule = new AuthorizationRule(ValueList.Of(source), ValueList.Of(operation), ValueList.Of(new RuleCondition("connection.sni", One) { NotValues = One }));
        var spec = new AuthorizationPolicySpec(new PolicySelector(ValueMap.Of(("istio", "egressgateway"))), "ALLOW", ValueList.Of(rule))
        {
            TargetRefs = ValueList.Of(new PolicyTargetReference("networking.istio.io", "ServiceEntry", "se") { Namespace = "ns" }),
        };
        var tree = ManifestTree.ToTree(new AuthorizationPolicy(Meta, spec));
        var leaves = SpecLeaves(tree);

        Assert.Equal(("security.istio.io/v1", "AuthorizationPolicy"), Header(tree));
        foreach (var field in new[] { "namespaces", "notNamespaces", "principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals", "ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks" })
        {
            Assert.Contains($"spec.rules[0].from[0].source.{field}[0]", leaves);
        }

        foreach (var field in new[] { "hosts", "notHosts", "ports", "notPorts", "methods", "notMethods", "paths", "notPaths" })
        {
            Assert.Contains($"spec.rules[0].to[0].operation.{field}[0]", leaves);
        }

        foreach (var expected in new[] { "spec.selector.matchLabels.istio", "spec.action", "spec.rules[0].when[0].key", "spec.rules[0].when[0].values[0]", "spec.rules[0].when[0].notValues[0]", "spec.targetRefs[0].group", "spec.targetRefs[0].kind", "spec.targetRefs[0].name", "spec.targetRefs[0].namespace" })
        {
            Assert.Contains(expected, leaves);
        }
    }

    [Fact]
    public void NetworkPolicy_WritesEveryFieldAndAnEmptyPodSelector()
    {
        var selector = new LabelSelector(ValueMap.Of(("app", "a"))) { MatchExpressions = ValueList.Of(new LabelSelectorRequirement("tier", "In", One)) };
        var peers = ValueList.Of(
            new NetworkPolicyPeer(selector, selector, null),
            new NetworkPolicyPeer(null, null, new IpBlock("10.0.0.0/8", ValueList.Of("10.1.0.0/16"))));
        var ports = ValueList.Of(new NetworkPolicyPort("TCP", 443, EndPort: 445), new NetworkPolicyPort("UDP", null, "dns"));
        var spec = new NetworkPolicySpec(
            LabelSelector.All,
            ValueList.Of("Egress", "Ingress"),
            ValueList.Of(new NetworkPolicyEgressRule(peers, ports)),
            ValueList.Of(new NetworkPolicyIngressRule(peers, ports)));
        var tree = ManifestTree.ToTree(new NetworkPolicy(Meta, spec));
        var text = YamlWriter.Write(tree);

        Assert.Equal(("networking.k8s.io/v1", "NetworkPolicy"), Header(tree));
        Assert.Contains("  podSelector: {}\n", text, StringComparison.Ordinal);
        var leaves = SpecLeaves(tree);
        foreach (var direction in new[] { "egress[0].to", "ingress[0].from" })
        {
            Assert.Contains($"spec.{direction}[0].podSelector.matchLabels.app", leaves);
            Assert.Contains($"spec.{direction}[0].namespaceSelector.matchExpressions[0].key", leaves);
            Assert.Contains($"spec.{direction}[0].namespaceSelector.matchExpressions[0].operator", leaves);
            Assert.Contains($"spec.{direction}[0].namespaceSelector.matchExpressions[0].values[0]", leaves);
            Assert.Contains($"spec.{direction}[1].ipBlock.cidr", leaves);
            Assert.Contains($"spec.{direction}[1].ipBlock.except[0]", leaves);
        }

        Assert.Contains("spec.egress[0].ports[0].endPort", leaves);
        Assert.Contains("spec.egress[0].ports[1].port", leaves);
        Assert.Equal("dns", ((ScalarNode)((MappingNode)((SequenceNode)((MappingNode)((SequenceNode)((MappingNode)tree["spec"]!)["egress"]!).Items[0])["ports"]!).Items[1])["port"]!).Text);
    }

    [Fact]
    public void EgressManifests_SortsByNamespaceKindAndNameWhateverTheInputOrder()
    {
        IKubernetesObject[] objects =
        [
            new NetworkPolicy(ObjectMetadata.Named("a", "b"), new NetworkPolicySpec(LabelSelector.All, One, ValueList<NetworkPolicyEgressRule>.Empty, ValueList<NetworkPolicyIngressRule>.Empty)),
            new Sidecar(ObjectMetadata.Named("default", "b"), new SidecarSpec(One, "REGISTRY_ONLY")),
            new AuthorizationPolicy(ObjectMetadata.Named("z", "a"), new AuthorizationPolicySpec(null, "ALLOW", ValueList<AuthorizationRule>.Empty)),
            new Gateway(ObjectMetadata.Named("g", "a"), new GatewaySpec(ValueMap<string>.Empty, ValueList<GatewayServer>.Empty)),
            new DestinationRule(ObjectMetadata.Named("d", "a"), new DestinationRuleSpec("h", null, ValueList<Subset>.Empty, One)),
            new VirtualService(ObjectMetadata.Named("v", "a"), new VirtualServiceSpec(One, One, ValueList<HttpRoute>.Empty, ValueList<TlsRoute>.Empty, ValueList<TcpRoute>.Empty, One)),
        ];

        var forward = new EgressManifests(objects);
        var backward = new EgressManifests(objects.Reverse());

        Assert.Equal(forward, backward);
        Assert.Equal(
            ["Gateway a/g", "VirtualService a/v", "DestinationRule a/d", "AuthorizationPolicy a/z", "Sidecar b/default", "NetworkPolicy b/a"],
            forward.Objects.Select(o => o.DisplayName));
        Assert.Equal(YamlWriter.RenderObjects(forward.Objects), YamlWriter.RenderObjects(backward.Objects));
    }

    private static (string, string) Header(MappingNode tree) =>
        (((ScalarNode)tree["apiVersion"]!).Text, ((ScalarNode)tree["kind"]!).Text);

    /// <summary>Every scalar under spec, by path, sorted.</summary>
    private static List<string> SpecLeaves(MappingNode tree)
    {
        var result = new List<string>();
        Walk(tree["spec"]!, "spec", result);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static void Walk(ConfigNode node, string path, List<string> into)
    {
        switch (node)
        {
            case MappingNode map:
                foreach (var (key, value) in map.Entries)
                {
                    Walk(value, $"{path}.{key.Text}", into);
                }

                break;
            case SequenceNode seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    Walk(seq.Items[i], $"{path}[{i}]", into);
                }

                break;
            default:
                into.Add(path);
                break;
        }
    }
}
