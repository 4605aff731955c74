using System.Text.Json.Nodes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Schema;

/// <summary>
/// Types and descriptions of every key the binder reads, keyed like the binder's key lists
/// (<see cref="StackConfigBinder.RootKeys"/> and the others). Data, not logic: the generator walks the
/// binder's lists and looks each key up here, and a test fails when a key has no entry.
/// </summary>
public static class SchemaKeys
{
    /// <summary>The API server's DNS-1123 label rule, as <see cref="Validation.KubernetesNames.IsDns1123Label"/> applies it (a test keeps them equal).</summary>
    public const string Dns1123LabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>The API server's DNS-1123 subdomain rule, as <see cref="Validation.KubernetesNames.IsDns1123Subdomain"/> applies it (a test keeps them equal).</summary>
    public const string Dns1123SubdomainPattern = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A date as waivers take it; the binder then parses it as a calendar date.</summary>
    public const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    public static readonly IReadOnlyDictionary<string, KeySpec> Root = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["environment"] = new("Which environment the stack deploys; sets the floor of the policy profile (staging and prod are restrictive).", () => Enum(Names<DeploymentEnvironment>(e => e.Name())), Required: true),
        ["environmentOverride"] = new("Only when the stack's name says another environment than `environment` on purpose: the stack's name, to confirm it. A stack named prod or production stays at the prod floor.", String),
        ["profile"] = new("Policy profile in force; empty means the environment's default (permissive for dev, restrictive otherwise).", () => new JsonObject { ["type"] = "string", ["examples"] = new JsonArray("restrictive", "permissive") }),
        ["policy"] = new("Tunes the profile: the level of single rules, the broadest address ranges allowed, and waivers of one rule for one service with a reason and an expiry.", () => Ref("policy")),
        ["egress"] = new("The governed namespaces and the external services they may reach.", () => new JsonObject { ["$ref"] = ConfigSchema.EgressFileName }, Required: true),
        ["kubeconfig"] = new("Pulumi only: path or contents of the kubeconfig the Kubernetes provider uses; empty means the ambient kubeconfig.", String),
        ["context"] = new("Pulumi only: kubeconfig context to deploy to; empty means the current context.", String),
        ["renderYamlToDirectory"] = new("Pulumi only: when set, the provider writes the manifests to this directory instead of applying them to a cluster.", String),
        ["adoptExisting"] = new("Pulumi only: adopt ServiceEntries and Sidecars that already exist under the rendered names (after `egressctl import`) by updating them in place instead of failing; turn it off after the adopting `pulumi up`.", () => new JsonObject { ["type"] = "boolean", ["default"] = false }),
        ["probe"] = new("Pulumi only: the post-deploy egress probe, a Job per governed namespace that tries every allowed destination and a few that must be denied. Giving the key turns it on.", () => Ref("probe")),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Egress = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["mode"] = new("How egress is built: sidecar (default; per-namespace ServiceEntries and a REGISTRY_ONLY Sidecar, best-effort), gateway (all external traffic through the egress gateway, authorized per namespace and fenced by NetworkPolicy: enforced), ambient (ztunnel and a waypoint: every entry in the egress namespace bound to the waypoint, authorized per entry by AuthorizationPolicies, fenced by NetworkPolicy; no Sidecar).", () => With(Enum(EgressModeNames.Modes.Keys.Order(StringComparer.Ordinal)), "default", "sidecar")),
        ["gateway"] = new("The egress gateway that mode gateway routes through; it must already be installed, with a Service port for every port the services use.", () => Ref("gateway")),
        ["ambient"] = new("The egress namespace and waypoint of mode ambient.", () => Ref("ambient")),
        ["networkPolicy"] = new("A Kubernetes NetworkPolicy per governed namespace limiting its pods' egress at L3/L4 (needs a CNI that enforces NetworkPolicy).", () => Ref("networkPolicy")),
        ["outboundTrafficPolicy"] = new("What each namespace's Sidecar does with destinations no entry declares: REGISTRY_ONLY blocks them, ALLOW_ANY passes them through.", () => With(Enum(Names<OutboundTrafficPolicy>(p => p.Name())), "default", "REGISTRY_ONLY")),
        ["namespaces"] = new("The namespaces this stack governs: each gets one Sidecar named default.", () => Array(Ref("dns1123Label"), minItems: 1, unique: true), Required: true),
        ["services"] = new("The external destinations the governed namespaces may reach; each becomes one ServiceEntry in every namespace that uses it.", () => Array(Ref("service"))),
        ["presets"] = new("Well-known destinations from the preset catalog (`egressctl presets`), by name or as an object; each expands to services named preset-<name> or preset-<name>-<part>.", () => Array(Ref("preset"))),
        ["include"] = new("Team-owned fragment files (paths relative to the project directory; * and ** allowed), each with an owner, services and presets; their items join this stack's.", () => Array(String())),
        ["sidecarImports"] = new("Extra namespace/host imports added to every Sidecar (the control plane and egress gateway live here).", () => With(Array(Pattern("^[^/]+/[^/]+$")), "default", new JsonArray([.. StackConfigBinder.DefaultSidecarImports.Select(i => (JsonNode)i)]))),
        ["namespaceImports"] = new("Extra namespace/host imports for one governed namespace's Sidecar, by namespace: calls to another team's in-mesh services.", () => new JsonObject { ["type"] = "object", ["additionalProperties"] = Array(Pattern("^[^/]+/[^/]+$")) }),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Service = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["name"] = new("Stable name, a DNS-1123 label; becomes the ServiceEntry's metadata.name.", () => Ref("dns1123Label"), Required: true),
        ["hosts"] = new("Exact host names, or *.domain wildcards (which cover subdomains, not the domain itself).", () => Array(String(), minItems: 1), Required: true),
        ["addresses"] = new("IP addresses or CIDR ranges; opaque TCP traffic is matched by these.", () => Array(String())),
        ["ports"] = new("The ports the destination is reached on, with their protocols.", () => Array(Ref("port"), minItems: 1), Required: true),
        ["resolution"] = new("How the sidecar finds the destination's IPs. Default: DNS for exact hosts; NONE with a wildcard host or a CIDR; STATIC with IP endpoints.", () => Enum(Names<ServiceResolution>(r => r.Name()))),
        ["location"] = new("MESH_EXTERNAL (default) for destinations outside the mesh, MESH_INTERNAL for ones inside it.", () => With(Enum(Names<ServiceLocation>(l => l.Name())), "default", "MESH_EXTERNAL")),
        ["exportTo"] = new("Namespaces the ServiceEntry is visible to; \".\" (default) keeps it in the namespace it is placed in.", () => With(Array(String()), "default", new JsonArray("."))),
        ["namespaces"] = new("The governed namespaces allowed to use the service; default: every governed namespace.", () => Array(Ref("dns1123Label"), minItems: 1, unique: true)),
        ["endpoints"] = new("Explicit backends of the service.", () => Array(Ref("endpoint"))),
        ["subjectAltNames"] = new("Identities the destination's certificate must present.", () => Array(String())),
        ["owner"] = new("Who answers for this destination (a team).", String),
        ["reason"] = new("Why the destination is needed.", String),
        ["bypassGateway"] = new("Mode gateway only: reach this service directly rather than through the egress gateway; needs exact addresses, which the NetworkPolicy allows. A finding under the restrictive profile.", () => With(new JsonObject { ["type"] = "boolean" }, "default", false)),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Port = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["number"] = new("The port number.", PortNumber, Required: true),
        ["protocol"] = new("What the port carries; decides how the sidecar handles it (HTTP routes by Host, TLS by SNI, TCP by address). Any case is accepted.", () => Ref("protocol"), Required: true),
        ["name"] = new("Port name; default <protocol>-<number>, e.g. https-443.", String),
        ["targetPort"] = new("Port on the destination, when it differs from number.", PortNumber),
        ["originateTls"] = new("The application speaks plain HTTP on this port and the mesh opens TLS to the destination (SNI set to the host), usually with targetPort 443. Only on protocol HTTP.", () => With(new JsonObject { ["type"] = "boolean" }, "default", false)),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Gateway = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["namespace"] = new("Where the egress gateway runs; its Gateway, VirtualService, DestinationRule and AuthorizationPolicy objects are placed here. Must not be a governed namespace.", () => With(Ref("dns1123Label"), "default", GatewayConfig.Default.Namespace)),
        ["selector"] = new("Labels of the egress gateway's pods.", () => With(Labels(), "default", new JsonObject { ["istio"] = "egressgateway" })),
        ["service"] = new("The egress gateway's Service in that namespace.", () => With(Ref("dns1123Label"), "default", GatewayConfig.Default.Service)),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Ambient = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["namespace"] = new("The egress namespace: the ServiceEntries, their AuthorizationPolicies and TLS origination are placed here. Must not be a governed namespace.", () => With(Ref("dns1123Label"), "default", AmbientConfig.Default.Namespace)),
        ["waypoint"] = new("The waypoint's Gateway name (istio.io/use-waypoint on every entry); 'none' is reserved by Istio.", () => With(Ref("dns1123Label"), "default", AmbientConfig.Default.Waypoint)),
        ["waypointNamespace"] = new("Where the waypoint runs, when not in the egress namespace (cross-namespace binding: see EGR072).", () => Ref("dns1123Label")),
        ["installWaypoint"] = new("Render the waypoint's Gateway; false when it is installed elsewhere.", () => With(new JsonObject { ["type"] = "boolean" }, "default", true)),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> NetworkPolicy = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["enabled"] = new("Whether each governed namespace gets its NetworkPolicy. Default: true under the restrictive profile and in mode ambient, false otherwise.", () => new JsonObject { ["type"] = "boolean" }),
        ["dns"] = new("The cluster DNS pods every pod may reach on 53/UDP and 53/TCP; default kube-system, k8s-app: kube-dns.", () => Ref("peer")),
        ["controlPlane"] = new("istiod's pods, which every proxy reaches on 15012; default istio-system, app: istiod.", () => Ref("peer")),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Peer = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["namespace"] = new("The namespace the pods run in.", () => Ref("dns1123Label")),
        ["selector"] = new("Labels of the pods.", Labels),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Endpoint = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["address"] = new("IP address, host name or unix:// socket of the backend.", String, Required: true),
        ["ports"] = new("Backend port per service port name.", () => new JsonObject { ["type"] = "object", ["additionalProperties"] = PortNumber() }),
        ["labels"] = new("Labels of the backend.", () => new JsonObject { ["type"] = "object", ["additionalProperties"] = String() }),
        ["network"] = new("Network of the backend (multi-network meshes).", String),
        ["locality"] = new("Locality of the backend, region/zone/subzone.", String),
        ["weight"] = new("Load-balancing weight of the backend.", () => new JsonObject { ["type"] = "integer", ["minimum"] = 0 }),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Preset = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["name"] = new("The preset's name in the catalog.", () => Ref("presetName"), Required: true),
        ["namespaces"] = new("The governed namespaces allowed to use the preset; default: every governed namespace.", () => Array(Ref("dns1123Label"), minItems: 1, unique: true)),
        ["owner"] = new("Who answers for the preset's destinations (a team); restrictive profiles require it.", String),
        ["reason"] = new("Why the destinations are needed; restrictive profiles require it.", String),
        ["region"] = new($"The cloud region filled into the preset's hosts, e.g. eu-west-1; required exactly when the preset's hosts name a region ({string.Join(", ", PresetCatalog.Shipped.Presets.Where(p => p.NeedsRegion).Select(p => p.Name))}).", () => Pattern(StackConfigBinder.RegionPattern)),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Policy = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["rules"] = new("The enforcement level of single rules, by rule id (no-wildcard-hosts) or code (EGR303). A level below the environment's floor is an error.", Rules),
        ["maxIpv4Prefix"] = new("The broadest IPv4 range a service may declare, as a prefix length (the profiles' default is 24). Where the environment has a floor (prod, staging) it may only be raised.", () => Integer(0, 32)),
        ["maxIpv6Prefix"] = new("The broadest IPv6 range a service may declare, as a prefix length (the profiles' default is 64). Where the environment has a floor (prod, staging) it may only be raised.", () => Integer(0, 128)),
        ["waivers"] = new("Waivers of one rule for one service, each with a reason and the last day it holds.", () => Array(Ref("waiver"))),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Waiver = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["rule"] = new("The rule waived, by id or code; registry-only is about the whole stack and cannot be waived.", () => With(String(), "minLength", 1), Required: true),
        ["service"] = new("The service the waiver applies to: a service name, or a preset listed in egress.presets.", () => With(String(), "minLength", 1), Required: true),
        ["reason"] = new("Why the service cannot meet the rule yet (a ticket, a date).", () => With(String(), "minLength", 1), Required: true),
        ["expires"] = new("The last day the waiver holds (UTC), as YYYY-MM-DD; from the next day it is an error and the rule applies again.", () => With(Pattern(DatePattern), "format", "date"), Required: true),
    };

    public static readonly IReadOnlyDictionary<string, KeySpec> Probe = new Dictionary<string, KeySpec>(StringComparer.Ordinal)
    {
        ["enabled"] = new("Whether the probe runs; false keeps the settings but runs nothing. Default true once the probe key is given (`pulumi config set` without --type writes \"true\" or \"false\", also accepted).", () => With(new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "boolean" }, Enum(["true", "false"])) }, "default", true)),
        ["image"] = new("Container image of the probe Job; needs sh, curl, nc and timeout.", () => With(With(String(), "minLength", 1), "default", ProbeConfig.DefaultImage)),
        ["deniedHost"] = new("A host that resolves and answers on 80 and 443 and that no service declares: the probe expects it to be denied.", () => With(With(Pattern(Dns1123SubdomainPattern), "maxLength", 253), "default", ProbeConfig.DefaultDeniedHost)),
        ["spoofAddress"] = new("An IP address nothing answers on and no service declares, dialled with a declared HTTP host's Host header: the sidecar must route by the host, not to the address.", () => With(String(), "default", ProbeConfig.DefaultSpoofAddress)),
        ["timeoutSeconds"] = new("Connect and transfer limit of each check, in seconds.", () => With(Integer(2, 60), "default", ProbeConfig.DefaultTimeoutSeconds)),
        ["ttlSecondsAfterFinished"] = new("How long Kubernetes keeps a finished probe Job and its log, in seconds.", () => With(Integer(0, 2_592_000), "default", ProbeConfig.DefaultTtlSecondsAfterFinished)),
    };

    /// <summary>The catalog's preset names: the binder reports any other name (EGR340).</summary>
    internal static JsonObject PresetName() =>
        Described($"A preset of the catalog (version {PresetCatalog.Shipped.Version}); `egressctl presets` lists their hosts and ports.", Enum(PresetCatalog.Shipped.Presets.Select(p => p.Name)));

    /// <summary>An enforcement level, as <see cref="EnforcementLevels.Names"/> spells it.</summary>
    internal static JsonObject RuleLevel() =>
        Described("mandatory: an error that stops the deployment; advisory: a warning; disabled: the rule does not run.", Enum(EnforcementLevels.Names.Keys.OrderBy(k => (int)EnforcementLevels.Names[k])));

    /// <summary>
    /// <c>policy.rules</c>: every rule id as a property (for completion), codes (any case) through
    /// additionalProperties, and propertyNames so that a name that is neither is flagged (EGR322).
    /// </summary>
    private static JsonObject Rules()
    {
        var properties = new JsonObject();
        foreach (var rule in ProfileRules.All)
        {
            properties[rule.Id] = Described($"{rule.Descriptor.Code}: {rule.Descriptor.Title}", Ref("ruleLevel"));
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["propertyNames"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(Enum(ProfileRules.All.Select(r => r.Id)), Pattern("^(?:" + string.Join("|", ProfileRules.All.Select(r => ConfigSchema.CaseInsensitive(r.Descriptor.Code))) + ")$")),
            },
            ["additionalProperties"] = Ref("ruleLevel"),
        };
    }

    private static JsonObject String() => new() { ["type"] = "string" };

    private static JsonObject Labels() => new() { ["type"] = "object", ["minProperties"] = 1, ["additionalProperties"] = String() };

    private static JsonObject Described(string description, JsonObject schema)
    {
        var result = new JsonObject { ["description"] = description };
        foreach (var (keyword, value) in schema)
        {
            result[keyword] = value?.DeepClone();
        }

        return result;
    }

    private static JsonObject Integer(long minimum, long maximum) => new() { ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = maximum };

    private static JsonObject Pattern(string pattern) => new() { ["type"] = "string", ["pattern"] = pattern };

    private static JsonObject PortNumber() => new() { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 65535 };

    internal static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/$defs/{definition}" };

    internal static JsonObject Enum(IEnumerable<string> values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };

    private static JsonObject Array(JsonObject items, int? minItems = null, bool unique = false)
    {
        var array = new JsonObject { ["type"] = "array", ["items"] = items };
        if (minItems is { } min)
        {
            array["minItems"] = min;
        }

        if (unique)
        {
            array["uniqueItems"] = true;
        }

        return array;
    }

    private static JsonObject With(JsonObject schema, string keyword, JsonNode value)
    {
        schema[keyword] = value;
        return schema;
    }

    internal static IEnumerable<string> Names<T>(Func<T, string> name)
        where T : struct, System.Enum => System.Enum.GetValues<T>().Select(name);
}
