namespace EgressInfra.Cli;

/// <summary>A mistake in how egressctl was called or in which file it was pointed at: exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
