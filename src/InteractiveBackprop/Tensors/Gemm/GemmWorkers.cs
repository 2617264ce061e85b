using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A fixed set of background threads that run the parts of one GEMM call beside the calling
/// thread. The threads start on the first parallel call and then wait for work, so a call
/// allocates nothing and starts no thread. One call at a time uses them; a call that finds
/// them busy runs on its own thread.
/// </summary>
/// <remarks>
/// A worker spins for <see cref="SpinMilliseconds"/> after each part before it blocks. A
/// blocked thread that is woken tends to be placed on the waker's core by the Linux
/// scheduler, and then the two parts share one core for the whole product; a spinning worker
/// keeps its own core, as OpenBLAS's threads do.
/// </remarks>
internal static unsafe class GemmWorkers
{
    /// <summary>How long an idle worker, and a caller waiting for its workers, spin.</summary>
    public const double SpinMilliseconds = 1.0;

    private static readonly long s_spinTicks =
        (long)(Stopwatch.Frequency * SpinMilliseconds / 1000);

    private static readonly Lock s_gate = new();
    private static readonly ManualResetEventSlim s_done = new(false);
    private static Worker[] s_workers = [];
    private static GemmTask s_task;
    private static int s_pending;
    private static Exception? s_failure;

    /// <summary>
    /// Runs parts 1 to <paramref name="parts"/> - 1 of <paramref name="task"/> on the workers and
    /// part 0 on the calling thread, and returns when all are done. Returns false, having run
    /// nothing, when another call holds the workers.
    /// </summary>
    public static bool TryRun(in GemmTask task, int parts)
    {
        // TODO(gemm): count the products that fall back to one thread here, so that a
        // benchmark can tell a refused split from a slow worker thread.
        if (!s_gate.TryEnter())
        {
            return false;
        }

        try
        {
            EnsureWorkers(parts - 1);
            s_task = task;
            s_failure = null;
            s_pending = parts - 1;
            s_done.Reset();
            for (int i = 1; i < parts; i++)
            {
                s_workers[i - 1].Start(i);
            }

            task.RunPart(0);
            long deadline = Stopwatch.GetTimestamp() + s_spinTicks;
            while (Volatile.Read(ref s_pending) != 0 && Stopwatch.GetTimestamp() < deadline)
            {
                Thread.SpinWait(16);
            }

            s_done.Wait();
            if (s_failure is not null)
            {
                ExceptionDispatchInfo.Throw(s_failure);
            }

            return true;
        }
        finally
        {
            s_gate.Exit();
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (s_workers.Length >= count)
        {
            return;
        }

        var workers = new Worker[count];
        s_workers.CopyTo(workers, 0);
        for (int i = s_workers.Length; i < count; i++)
        {
            workers[i] = new Worker(i + 1);
        }

        s_workers = workers;
    }

    private static void Finish(Exception? failure)
    {
        if (failure is not null)
        {
            s_failure = failure;
        }

        if (Interlocked.Decrement(ref s_pending) == 0)
        {
            s_done.Set();
        }
    }

    private sealed class Worker
    {
        // The sequence number is the signal; the event only wakes a worker that has blocked.
        private readonly ManualResetEventSlim _start = new(false);
        private int _part;
        private int _sequence;

        public Worker(int index)
        {
            var thread = new Thread(Loop)
            {
                IsBackground = true,
                Name = $"GEMM worker {index}",
            };
            thread.Start();
        }

        public void Start(int part)
        {
            _part = part;
            Interlocked.Increment(ref _sequence);
            _start.Set();
        }

        private void Loop()
        {
            int seen = 0;
            while (true)
            {
                long deadline = Stopwatch.GetTimestamp() + s_spinTicks;
                while (Volatile.Read(ref _sequence) == seen && Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.SpinWait(16);
                }

                if (Volatile.Read(ref _sequence) == seen)
                {
                    // Reset before the next check, so that a Start after it is never missed.
                    _start.Wait();
                    _start.Reset();
                    continue;
                }

                seen = Volatile.Read(ref _sequence);
                Exception? failure = null;
                try
                {
                    s_task.RunPart(_part);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }

                Finish(failure);
            }
        }
    }
}
