using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

public static partial class ManifestTree
{
    public static MappingNode Spec(AuthorizationPolicySpec spec) => Map(
        ("selector", spec.Selector is null ? null : Map(("matchLabels", StringMap(spec.Selector.MatchLabels)))),
        ("targetRefs", List(spec.TargetRefs.Select(t => Map(
            ("group", Str(t.Group)),
            ("kind", Str(t.Kind)),
            ("name", Str(t.Name)),
            ("namespace", OptStr(t.Namespace)))))),
        ("action", OptStr(spec.Action)),
        ("rules", List(spec.Rules.Select(r => Map(
            ("from", List(r.From.Select(f => Map(("source", Source(f)))))),
            ("to", List(r.To.Select(t => Map(("operation", Operation(t)))))),
            ("when", List(r.When.Select(c => Map(
                ("key", Str(c.Key)),
                ("values", Strings(c.Values)),
                ("notValues", Strings(c.NotValues)))))))))));

    private static MappingNode Source(RuleSource s) => Map(
        ("principals", Strings(s.Principals)),
        ("notPrincipals", Strings(s.NotPrincipals)),
        ("requestPrincipals", Strings(s.RequestPrincipals)),
        ("notRequestPrincipals", Strings(s.NotRequestPrincipals)),
        ("namespaces", Strings(s.Namespaces)),
        ("notNamespaces", Strings(s.NotNamespaces)),
        ("ipBlocks", Strings(s.IpBlocks)),
        ("notIpBlocks", Strings(s.NotIpBlocks)),
        ("remoteIpBlocks", Strings(s.RemoteIpBlocks)),
        ("notRemoteIpBlocks", Strings(s.NotRemoteIpBlocks)));

    private static MappingNode Operation(RuleOperation o) => Map(
        ("hosts", Strings(o.Hosts)),
        ("notHosts", Strings(o.NotHosts)),
        ("ports", Strings(o.Ports)),
        ("notPorts", Strings(o.NotPorts)),
        ("methods", Strings(o.Methods)),
        ("notMethods", Strings(o.NotMethods)),
        ("paths", Strings(o.Paths)),
        ("notPaths", Strings(o.NotPaths)));
}
