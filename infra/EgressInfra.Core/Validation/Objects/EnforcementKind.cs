using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests.Reading;
using EgressInfra.Core.Validation.AuthorizationPolicies;
using EgressInfra.Core.Validation.DestinationRules;
using EgressInfra.Core.Validation.Gateways;
using EgressInfra.Core.Validation.NetworkPolicies;
using EgressInfra.Core.Validation.VirtualServices;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>One of the enforcement kinds: where it is served, its schema, and its validator.</summary>
/// <param name="Group">The API group.</param>
/// <param name="Kind">The kind, exactly as Kubernetes spells it.</param>
/// <param name="Versions">The versions the API server serves it in.</param>
/// <param name="Schema">The structural schema the API server applies.</param>
/// <param name="Validate">The admission rules (Istio's webhook, or the API server's for NetworkPolicy).</param>
public sealed record EnforcementKind(
    string Group,
    string Kind,
    IReadOnlyList<string> Versions,
    ObjectShape Schema,
    Func<ObjectInput, IReadOnlyList<Diagnostic>> Validate)
{
    public const string IstioNetworking = "networking.istio.io";
    public const string IstioSecurity = "security.istio.io";
    public const string KubernetesNetworking = "networking.k8s.io";

    private static readonly string[] NetworkingVersions = ["v1", "v1beta1", "v1alpha3"];

    public static EnforcementKind Gateway { get; } = new(IstioNetworking, "Gateway", NetworkingVersions, GatewaySchema.Document, GatewayValidator.Validate);

    public static EnforcementKind VirtualService { get; } = new(IstioNetworking, "VirtualService", NetworkingVersions, VirtualServiceSchema.Document, VirtualServiceValidator.Validate);

    public static EnforcementKind DestinationRule { get; } = new(IstioNetworking, "DestinationRule", NetworkingVersions, DestinationRuleSchema.Document, DestinationRuleValidator.Validate);

    public static EnforcementKind AuthorizationPolicy { get; } = new(IstioSecurity, "AuthorizationPolicy", ["v1", "v1beta1"], AuthorizationPolicySchema.Document, AuthorizationPolicyValidator.Validate);

    public static EnforcementKind NetworkPolicy { get; } = new(KubernetesNetworking, "NetworkPolicy", ["v1"], NetworkPolicySchema.Document, NetworkPolicyValidator.Validate);

    public static IReadOnlyList<EnforcementKind> All { get; } = [Gateway, VirtualService, DestinationRule, AuthorizationPolicy, NetworkPolicy];

    /// <summary>The kind for a group and kind name, or null when it is not one of these.</summary>
    public static EnforcementKind? Find(string group, string kind) =>
        All.FirstOrDefault(k => k.Group == group && k.Kind == kind);
}
