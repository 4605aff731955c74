namespace EgressInfra.Files;

/// <summary>
/// An input that is not read: missing, not a regular file, over the byte budget, binary or mis-encoded.
/// <see cref="Exception.Message"/> is the whole sentence for a person; <see cref="Reason"/> is what is wrong
/// without the path, for a caller that names the file its own way (a fragment's finding).
/// </summary>
public sealed class UnreadableInputException : Exception
{
    public UnreadableInputException(string message, string reason, bool missing = false)
        : base(message)
    {
        Reason = reason;
        IsMissing = missing;
    }

    public UnreadableInputException()
        : this("the input could not be read", "it could not be read")
    {
    }

    public UnreadableInputException(string message)
        : this(message, message)
    {
    }

    public UnreadableInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public string Reason { get; }

    /// <summary>Nothing exists at the path (as opposed to something that may not be read).</summary>
    public bool IsMissing { get; }
}
