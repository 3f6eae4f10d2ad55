import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

function Home(): React.JSX.Element {
  return (
    <main>
      <h1>FitCoach</h1>
      <p>Your personal health tracker with an AI coach.</p>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
