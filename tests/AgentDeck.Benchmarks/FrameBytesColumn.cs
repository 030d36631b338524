using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Bytes per frame sent to the terminal, from the deterministic frame scenario (same seed, so the same frames
/// the timed runs draw): for the diff, for full redraws, and their ratio.
/// </summary>
internal sealed class FrameBytesColumn(string name, Func<(double Diff, double Full), string> value) : IColumn
{
    private const int Frames = 500;
    private static readonly Lazy<(double, double)> Measured = new(() => FrameDiffScenario.MeasureBytes(Frames));

    public string Id => name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{name}: bytes per frame over {Frames} frames of the scenario";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(Measured.Value);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
