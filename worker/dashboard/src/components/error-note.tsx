/** A failure the user has to see: styled as an error and read out by screen readers as it appears. */
export function ErrorNote({ message }: { message: string }) {
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}
