/** A bare page: server-rendered text, no client code of its own, so it ships only Next and React. */
export default function BarePage() {
  return (
    <main>
      <h1>Bare Next page</h1>
      <p>
        The same Next and React as the playground, and nothing else: the floor its page weight and paint are held to.
      </p>
    </main>
  );
}
