export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Prompt Studio</h1>
      </header>
      <main className="app-main" aria-label="Studio">
        <section className="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">Prompt Studio</h2>
          <p>A visual studio for DSPy-style prompt programs.</p>
        </section>
      </main>
    </div>
  );
}
