namespace EgressInfra.Core.Validation.NetworkPolicies;

/// <summary>Kubernetes IsValidPortName (IANA_SVC_NAME): 1-15 of a-z, 0-9 and '-', a letter somewhere, no '--', no '-' at either end.</summary>
public static class PortNames
{
    public static string? Check(string name)
    {
        var valid = name.Length is >= 1 and <= 15
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && name.Any(c => c is >= 'a' and <= 'z')
            && !name.Contains("--", StringComparison.Ordinal)
            && name[0] != '-' && name[^1] != '-';
        return valid ? null : $"\"{name}\" is not a valid port name: 1-15 lower-case letters, digits and '-', with at least one letter";
    }
}
