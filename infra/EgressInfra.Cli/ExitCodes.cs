namespace EgressInfra.Cli;

/// <summary>egressctl's exit codes, the same for every verb.</summary>
public static class ExitCodes
{
    /// <summary>No error findings (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary>At least one error finding (or, for explain, the destination is denied).</summary>
    public const int Findings = 1;

    /// <summary>Bad usage, or input that could not be read at all.</summary>
    public const int Unusable = 2;
}
