using System.Runtime.ExceptionServices;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A fixed set of background threads that run the parts of one GEMM call beside the calling
/// thread. The threads start on the first parallel call and then wait for work, so a call
/// allocates nothing and starts no thread. One call at a time uses them; a call that finds
/// them busy runs on its own thread.
/// </summary>
internal static unsafe class GemmWorkers
{
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
        private readonly ManualResetEventSlim _start = new(false);
        private int _part;

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
            _start.Set();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                _start.Reset();
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
