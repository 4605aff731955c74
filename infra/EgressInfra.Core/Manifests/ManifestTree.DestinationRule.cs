using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

public static partial class ManifestTree
{
    public static MappingNode Spec(DestinationRuleSpec spec) => Map(
        ("host", Str(spec.Host)),
        ("trafficPolicy", spec.TrafficPolicy is null ? null : Traffic(spec.TrafficPolicy)),
        ("subsets", List(spec.Subsets.Select(s => Map(
            ("name", Str(s.Name)),
            ("labels", StringMap(s.Labels)),
            ("trafficPolicy", s.TrafficPolicy is null ? null : Traffic(s.TrafficPolicy)))))),
        ("exportTo", Strings(spec.ExportTo)),
        ("workloadSelector", spec.WorkloadSelector is null ? null : Map(("matchLabels", StringMap(spec.WorkloadSelector.Labels)))));

    private static MappingNode Traffic(TrafficPolicy policy) => Map(
        ("portLevelSettings", List(policy.PortLevelSettings.Select(p => Map(
            ("port", Map(("number", Int(p.Port)))),
            ("tls", p.Tls is null ? null : ClientTls(p.Tls)))))),
        ("tls", policy.Tls is null ? null : ClientTls(policy.Tls)));

    private static MappingNode ClientTls(ClientTlsSettings tls) => Map(
        ("mode", OptStr(tls.Mode)),
        ("clientCertificate", OptStr(tls.ClientCertificate)),
        ("privateKey", OptStr(tls.PrivateKey)),
        ("caCertificates", OptStr(tls.CaCertificates)),
        ("credentialName", OptStr(tls.CredentialName)),
        ("subjectAltNames", Strings(tls.SubjectAltNames)),
        ("sni", OptStr(tls.Sni)),
        ("insecureSkipVerify", OptBool(tls.InsecureSkipVerify)));
}
