namespace AiSoc.Core.Correlation;

/// <summary>A link between two alerts through a key group that the maximum incident size stopped.</summary>
internal readonly record struct RejectedLink(int FirstAlert, int SecondAlert, int Group);
