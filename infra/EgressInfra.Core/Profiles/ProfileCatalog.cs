using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Profiles;

/// <summary>The shipped profiles and environment floors (<c>Profiles/profiles.yaml</c>).</summary>
/// <remarks>
/// profiles.yaml is the source; the build ships it compiled (<c>ProfileCatalog.Shipped.cs</c>, generated
/// from the YAML by <see cref="Parse"/> and a Core test that fails when the two differ), so that no
/// run parses it.
/// </remarks>
public sealed partial class ProfileCatalog
{
    private static readonly Lazy<ProfileCatalog> ShippedCatalog = new(Compiled);

    private static readonly string[] RootKeys = ["version", "profiles", "floors"];
    private static readonly string[] ProfileKeys = ["description", "parameters", "rules"];
    private static readonly string[] ParameterKeys = ["maxIpv4Prefix", "maxIpv6Prefix", "presetAddressMaxAgeDays", "maxWaiverDays"];

    private readonly ValueMap<string> _floors;

    private ProfileCatalog(ValueList<Profile> profiles, ValueMap<string> floors)
    {
        Profiles = profiles;
        _floors = floors;
    }

    public static ProfileCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The floor profile's name per environment name (the compiled catalog's test reads it).</summary>
    internal ValueMap<string> Floors => _floors;

    /// <summary>The profiles in the order the data lists them.</summary>
    public ValueList<Profile> Profiles { get; }

    public Profile? Find(string name) => Profiles.FirstOrDefault(p => p.Name == name);

    /// <summary>The weakest profile <paramref name="environment"/> may run, or null when it has no floor.</summary>
    public Profile? FloorFor(DeploymentEnvironment environment) =>
        _floors.TryGetValue(environment.Name(), out var name) ? Find(name) : null;

    public static ProfileCatalog Parse(string text, string file)
    {
        var root = EmbeddedData.ReadMapping(text, file);
        var reader = new NodeReader();
        reader.KnownKeys(root, string.Empty, RootKeys);
        reader.String(root["version"], "version", required: true);

        var profiles = new List<Profile>();
        if (reader.Mapping(root["profiles"], "profiles", required: true) is { } profileMap)
        {
            foreach (var (key, value) in profileMap.Entries)
            {
                if (ReadProfile(reader, key.Text, value, ConfigPath.Child("profiles", key.Text)) is { } profile)
                {
                    profiles.Add(profile);
                }
            }
        }

        var floors = new List<KeyValuePair<string, string>>();
        if (reader.Mapping(root["floors"], "floors") is { } floorMap)
        {
            foreach (var (key, value) in floorMap.Entries)
            {
                var path = ConfigPath.Child("floors", key.Text);
                reader.Enum(key, path, IstioNames.Environments, required: true);
                var name = reader.String(value, path, required: true);
                if (name is not null && profiles.All(p => p.Name != name))
                {
                    reader.Report(ConfigCodes.InvalidValue.Create(path, $"'{name}' is not a profile"));
                }
                else if (name is not null)
                {
                    floors.Add(new(key.Text, name));
                }
            }
        }

        EmbeddedData.ThrowIfInvalid(reader, file);
        return new ProfileCatalog(profiles.ToValueList(), floors.ToValueMap());
    }

    private static Profile? ReadProfile(NodeReader reader, string name, ConfigNode node, string path)
    {
        var map = reader.Mapping(node, path, required: true);
        if (map is null)
        {
            return null;
        }

        reader.KnownKeys(map, path, ProfileKeys);
        var description = reader.String(map["description"], $"{path}.description", required: true) ?? string.Empty;
        var parameters = reader.Mapping(map["parameters"], $"{path}.parameters", required: true);
        if (parameters is not null)
        {
            reader.KnownKeys(parameters, $"{path}.parameters", ParameterKeys);
        }

        var ipv4 = reader.Integer(parameters?["maxIpv4Prefix"], $"{path}.parameters.maxIpv4Prefix", required: true, 0, 32);
        var ipv6 = reader.Integer(parameters?["maxIpv6Prefix"], $"{path}.parameters.maxIpv6Prefix", required: true, 0, 128);
        var age = reader.Integer(parameters?["presetAddressMaxAgeDays"], $"{path}.parameters.presetAddressMaxAgeDays", required: true, 1, 3650);
        var waiverDays = reader.Integer(parameters?["maxWaiverDays"], $"{path}.parameters.maxWaiverDays", required: false, 1, 3650);

        var levels = new List<KeyValuePair<string, EnforcementLevel>>();
        if (reader.Mapping(map["rules"], $"{path}.rules", required: true) is { } rules)
        {
            foreach (var (key, value) in rules.Entries)
            {
                if (reader.Enum(value, ConfigPath.Child($"{path}.rules", key.Text), EnforcementLevels.Names, required: true) is { } level)
                {
                    levels.Add(new(key.Text, level));
                }
            }
        }

        return ipv4 is null || ipv6 is null || age is null
            ? null
            : new Profile(name, description, levels.ToValueMap(), new ProfileParameters((int)ipv4, (int)ipv6, (int)age) { MaxWaiverDays = (int?)waiverDays });
    }
}
