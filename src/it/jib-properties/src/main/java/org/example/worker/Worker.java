package org.example.worker;

/** Takes jobs from the queue named by WORKER_QUEUE, with the number of threads given by --threads. */
public final class Worker {

    private Worker() {}

    public static void main(String[] args) {
        int threads = args.length > 1 && args[0].equals("--threads") ? Integer.parseInt(args[1]) : 1;
        System.out.println("worker on " + System.getenv("WORKER_QUEUE") + " with " + threads + " threads");
    }
}
