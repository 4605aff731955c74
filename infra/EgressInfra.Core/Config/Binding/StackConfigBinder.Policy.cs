using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Config.Binding;

public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> PolicyKeys = ["rules", "maxIpv4Prefix", "maxIpv6Prefix", "waivers"];

    public static readonly IReadOnlyList<string> WaiverKeys = ["rule", "service", "reason", "expires"];

    /// <summary>
    /// Binds the <c>policy</c> key's shape. What the values mean (which rule a name is, whether the
    /// environment's floor allows a level, whether a waiver has expired) is the policy stage's concern.
    /// </summary>
    private static PolicyConfig BindPolicy(NodeReader reader, ConfigNode? node)
    {
        const string path = "policy";
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return PolicyConfig.None;
        }

        reader.KnownKeys(map, path, PolicyKeys);
        var rules = new List<RuleLevelSetting>();
        if (reader.Mapping(map["rules"], "policy.rules") is { } ruleMap)
        {
            foreach (var (key, value) in ruleMap.Entries)
            {
                var rulePath = ConfigPath.Child("policy.rules", key.Text);
                if (reader.Enum(value, rulePath, EnforcementLevels.Names, required: true) is { } level)
                {
                    rules.Add(new RuleLevelSetting(key.Text, level, rulePath));
                }
            }
        }

        var maxIpv4 = reader.Integer(map["maxIpv4Prefix"], "policy.maxIpv4Prefix", required: false, 0, 32);
        var maxIpv6 = reader.Integer(map["maxIpv6Prefix"], "policy.maxIpv6Prefix", required: false, 0, 128);

        var waivers = new List<PolicyWaiver>();
        foreach (var (item, itemPath) in reader.List(map["waivers"], "policy.waivers"))
        {
            if (BindWaiver(reader, item, itemPath) is not { } waiver)
            {
                continue;
            }

            if (waivers.FirstOrDefault(w => w.Rule == waiver.Rule && w.Service == waiver.Service) is { } first)
            {
                reader.Report(ConfigCodes.DuplicateName.Create(itemPath, $"{first.SourcePath} already waives '{waiver.Rule}' for '{waiver.Service}'", "Keep one waiver per rule and service."));
                continue;
            }

            waivers.Add(waiver);
        }

        return new PolicyConfig(rules.ToValueList(), (int?)maxIpv4, (int?)maxIpv6, waivers.ToValueList());
    }

    private static PolicyWaiver? BindWaiver(NodeReader reader, ConfigNode item, string path)
    {
        var map = reader.Mapping(item, path, required: true);
        if (map is null)
        {
            return null;
        }

        reader.KnownKeys(map, path, WaiverKeys);
        var rule = reader.String(map["rule"], $"{path}.rule", required: true);
        var service = reader.String(map["service"], $"{path}.service", required: true);
        var reason = reader.String(map["reason"], $"{path}.reason", required: true);
        var expiresText = reader.String(map["expires"], $"{path}.expires", required: true);
        DateOnly? expires = null;
        if (expiresText is not null)
        {
            if (DateOnly.TryParseExact(expiresText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                expires = date;
            }
            else
            {
                reader.Report(ConfigCodes.InvalidValue.Create($"{path}.expires", $"'{expiresText}' is not a date", "Write the last day the waiver holds as YYYY-MM-DD, e.g. 2027-01-31."));
            }
        }

        return rule is null || service is null || reason is null || expires is null
            ? null
            : new PolicyWaiver(rule, service, reason, expires.Value, path);
    }
}
